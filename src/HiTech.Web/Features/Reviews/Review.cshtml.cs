namespace HiTech.Web.Features.Reviews;

/// <summary>
/// GET /reviews/{id}: one assessment under review: the enterprise, each input with its evidence and a
/// decision form, a preview of the result with the decisions so far, approve or return, and the audit trail.
/// </summary>
[Authorize(Policy = Roles.Assessor)]
public sealed class ReviewModel(
    GetReview review,
    TakeAssessment take,
    DecideInput decide,
    ApproveAssessment approve,
    ReturnAssessment returnAssessment,
    IStringLocalizer<ReviewsText> r) : FormPage
{
    public ReviewView View { get; private set; } = null!;

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Comments { get; set; }

    [BindProperty]
    public string? ReturnComments { get; set; }

    /// <summary>What the last post did, to say so after the redirect: input, taken, approved, returned.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>The input whose form failed, so its fields keep what was typed.</summary>
    public Guid? FailedInput { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostTakeAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await take.ExecuteAsync(id, Version, Current, cancellationToken), "taken", _ => "", cancellationToken);

    public async Task<IActionResult> OnPostInputAsync(Guid id, Guid inputId, CancellationToken cancellationToken)
    {
        FailedInput = inputId;
        var outcome = await decide.ExecuteAsync(id, inputId, new InputDecision(Decision, Value, Reason, Version), Current, cancellationToken);
        return await AfterAsync(id, outcome, "input", field => $"{field}-{inputId}", cancellationToken, $"#input-{inputId}");
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await approve.ExecuteAsync(id, Version, Comments, Current, cancellationToken), "approved", field => field == "comments" ? "approve-comments" : "approve", cancellationToken);

    public async Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await returnAssessment.ExecuteAsync(id, Version, ReturnComments, Current, cancellationToken), "returned", _ => "return-comments", cancellationToken);

    /// <summary>Words for an audit action on the trail (assessment and certificate entries).</summary>
    public string ActionText(AuditAction action) => action switch
    {
        AuditAction.Start => r["Started the assessment"],
        AuditAction.SaveInputs => r["Saved inputs"],
        AuditAction.AddEvidence => r["Added a document"],
        AuditAction.RemoveEvidence => r["Removed a document"],
        AuditAction.ApplyMaturityScore => r["Took the digital maturity score into the assessment"],
        AuditAction.Submit => r["Submitted the assessment"],
        AuditAction.Take => r["Took the assessment for review"],
        AuditAction.VerifyInput => r["Verified an input"],
        AuditAction.AdjustInput => r["Adjusted an input"],
        AuditAction.RejectInput => r["Rejected an input"],
        AuditAction.Approve => r["Approved the assessment"],
        AuditAction.Return => r["Returned the assessment to the enterprise"],
        AuditAction.Issue => r["Issued the certificate"],
        AuditAction.Revoke => r["Revoked the certificate"],
        _ => r["Changed: {0}", AuditActions.Id(action)],
    };

    /// <summary>Done: say so after a redirect. Refused: show the page again, each message next to its field (the version's in the summary).</summary>
    private async Task<IActionResult> AfterAsync(Guid id, Outcome<ReviewSaved> outcome, string done, Func<string, string> field, CancellationToken cancellationToken, string anchor = "")
    {
        if (outcome.IsOk)
        {
            return Redirect($"/reviews/{id}?done={done}{anchor}");
        }

        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }

        ModelState.AddErrors(outcome, key => key == "version" ? "" : field(key));
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await review.ExecuteAsync(id, Current, cancellationToken);
        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }

        View = outcome.Value!;
        return Page();
    }
}
