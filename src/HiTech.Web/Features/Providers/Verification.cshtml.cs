namespace HiTech.Web.Features.Providers;

/// <summary>The verification queue: each submitted profile in full, with "verify" and "refuse with a reason".</summary>
[Authorize(Policy = Roles.PartnershipsOfficer)]
public sealed class VerificationModel(VerificationQueue queue, DecideVerification decide, CollaborationVocabulary vocabulary, FrameworkStore frameworks, IStringLocalizer<ProvidersText> l) : FormPage
{
    [BindProperty]
    public Guid ProviderId { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public VerificationPage? Found { get; private set; }

    public ProfileOptions Options { get; private set; } = null!;

    [TempData]
    public string? Flash { get; set; }

    public override IReadOnlyList<string> FieldOrder => [nameof(Reason)];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken) ?? Page();

    public Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken) => DecideAsync(new VerificationDecision(true, null, Version), l["Verified: the profile is listed for 12 months."], cancellationToken);

    public Task<IActionResult> OnPostRefuseAsync(CancellationToken cancellationToken) => DecideAsync(new VerificationDecision(false, Reason, Version), l["Refused: the provider sees your reason."], cancellationToken);

    private async Task<IActionResult> DecideAsync(VerificationDecision decision, string done, CancellationToken cancellationToken)
    {
        var outcome = await decide.ExecuteAsync(Current, ProviderId, decision, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        if (outcome.IsOk)
        {
            Flash = done;
            return RedirectToPage();
        }

        ModelState.AddErrors(outcome, field => field == "reason" ? nameof(Reason) : field);
        return await ShowAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> ShowAsync(CancellationToken cancellationToken)
    {
        Options = await ProfileOptions.LoadAsync(vocabulary, frameworks, cancellationToken);
        // "page" is Razor Pages' own route value, so model binding never sees the query's: read it here.
        var page = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 1;
        var outcome = await queue.ExecuteAsync(Current, page, cancellationToken);
        Found = outcome.Value;
        return this.Refusal(outcome);
    }
}
