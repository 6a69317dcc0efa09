namespace HiTech.Web.Features.Introductions;

/// <summary>
/// GET /introductions/{id}: one introduction. The receiving side accepts or declines (with a reason), the sending side
/// may withdraw before an answer; once accepted, the two sides write to each other here and either records the
/// partnership they agreed (Partnerships' /partnerships/new), or follows the link to the one recorded.
/// </summary>
[Authorize]
public sealed class DetailsModel(GetIntroduction get, AnswerIntroduction answer, WithdrawIntroduction withdraw, PostIntroductionMessage post, AppDbContext db) : FormPage
{
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    public IntroductionView? View { get; private set; }

    /// <summary>The partnership recorded from this introduction, if any (the page links to it, or offers to record one).</summary>
    public Guid? PartnershipId { get; private set; }

    public override IReadOnlyList<string> FieldOrder => [nameof(Reason), nameof(Message)];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await answer.ExecuteAsync(Current, id, Version, accept: true, null, cancellationToken), "accepted", nameof(Reason), cancellationToken);

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await answer.ExecuteAsync(Current, id, Version, accept: false, Reason, cancellationToken), "declined", nameof(Reason), cancellationToken);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await withdraw.ExecuteAsync(Current, id, Version, cancellationToken), "withdrawn", nameof(Reason), cancellationToken);

    public async Task<IActionResult> OnPostMessageAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await post.ExecuteAsync(Current, id, Message, cancellationToken), "written", nameof(Message), cancellationToken, "#messages");

    private async Task<IActionResult> AfterAsync<T>(Guid id, Outcome<T> outcome, string done, string field, CancellationToken cancellationToken, string anchor = "")
    {
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        if (outcome.IsOk)
        {
            return Redirect($"/introductions/{id}?done={done}{anchor}");
        }

        ModelState.AddErrors(outcome, _ => field);
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await get.ExecuteAsync(Current, id, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        View = outcome.Value;
        if (View!.Introduction.Status == IntroductionStatus.Accepted)
        {
            PartnershipId = await db.Partnerships.AsNoTracking().Where(p => p.IntroductionId == id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        }

        return null;
    }
}
