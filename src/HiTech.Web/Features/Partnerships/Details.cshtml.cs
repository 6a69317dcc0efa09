using System.Globalization;
using HiTech.Core.Collaboration;

namespace HiTech.Web.Features.Partnerships;

/// <summary>
/// GET /partnerships/{id}: one partnership for its two sides (officers and admins read it). A side ticks milestones,
/// records the outcome, answers the 30- or 90-day question put to it once asked, and rates the other side after completion.
/// </summary>
[Authorize]
public sealed class DetailsModel(
    GetPartnership get, TickMilestone tick, RecordOutcome record, AnswerFollowUp answer, RatePartnership rate,
    PartnershipTerms terms, FrameworkStore frameworks) : FormPage
{
    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public Guid? MilestoneId { get; set; }

    [BindProperty]
    public bool Done { get; set; }

    [BindProperty]
    public Guid? FollowUpId { get; set; }

    [BindProperty]
    public string? Progress { get; set; }

    [BindProperty]
    public string? FollowUpNote { get; set; }

    [BindProperty]
    public string? OutcomeStatus { get; set; }

    [BindProperty]
    public string? EndedOn { get; set; }

    [BindProperty]
    public string? ProductsLaunched { get; set; }

    [BindProperty]
    public string? PatentsOrDesignsFiled { get; set; }

    [BindProperty]
    public string? CertificationObtained { get; set; }

    [BindProperty]
    public string? JobsCreated { get; set; }

    [BindProperty]
    public string? OutcomeNote { get; set; }

    [BindProperty]
    public int? Stars { get; set; }

    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Finished { get; set; }

    public PartnershipView? View { get; private set; }

    public PartnershipTerms Terms => terms;

    /// <summary>The framework's certifications (id and label), for the outcome's "certification obtained".</summary>
    public IReadOnlyList<(string Id, string Label)> Certifications { get; private set; } = [];

    public override IReadOnlyList<string> FieldOrder =>
        [nameof(Progress), nameof(FollowUpNote), nameof(OutcomeStatus), nameof(EndedOn), nameof(ProductsLaunched), nameof(PatentsOrDesignsFiled),
            nameof(CertificationObtained), nameof(JobsCreated), nameof(OutcomeNote), nameof(Stars)];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostTickAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await tick.ExecuteAsync(Current, id, MilestoneId ?? Guid.Empty, Done, Version, cancellationToken), "ticked", _ => "", cancellationToken);

    public async Task<IActionResult> OnPostFollowUpAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await answer.ExecuteAsync(Current, id, FollowUpId ?? Guid.Empty, Progress, FollowUpNote, cancellationToken), "answered",
            field => field == "note" ? nameof(FollowUpNote) : nameof(Progress), cancellationToken);

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken cancellationToken)
    {
        PartnershipDates.TryRead(EndedOn, out var endedOn);
        var request = new OutcomeRequest(OutcomeStatus, endedOn, Count(ProductsLaunched), Count(PatentsOrDesignsFiled), CertificationObtained, Count(JobsCreated), OutcomeNote, Version);
        return await AfterAsync(id, await record.ExecuteAsync(Current, id, request, cancellationToken), "outcome", field => field switch
        {
            "status" => nameof(OutcomeStatus),
            "ended_on" => nameof(EndedOn),
            "products_launched" => nameof(ProductsLaunched),
            "patents_or_designs_filed" => nameof(PatentsOrDesignsFiled),
            "certification_obtained" => nameof(CertificationObtained),
            "jobs_created" => nameof(JobsCreated),
            "note" => nameof(OutcomeNote),
            _ => "",
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostRateAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await rate.ExecuteAsync(Current, id, Stars, cancellationToken), "rated", _ => nameof(Stars), cancellationToken);

    /// <summary>
    /// A count as typed: empty is none; text that is no whole number is sent as -1, outside the allowed range, so that
    /// the use case words the error as for any count out of range.
    /// </summary>
    private static int? Count(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : -1;

    private async Task<IActionResult> AfterAsync<T>(Guid id, Outcome<T> outcome, string finished, Func<string, string> field, CancellationToken cancellationToken)
    {
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        if (outcome.IsOk)
        {
            return Redirect($"/partnerships/{id}?done={finished}");
        }

        ModelState.AddErrors(outcome, field);
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
        var framework = await frameworks.ActiveAsync(cancellationToken);
        Certifications = framework.Domains.TryGetValue(CollaborationData.CertificationDomain, out var domain)
            ? [.. domain.Values.Select(v => (v, CollaborationVocabulary.Label(framework, CollaborationData.CertificationDomain, v)))]
            : [];
        return null;
    }
}
