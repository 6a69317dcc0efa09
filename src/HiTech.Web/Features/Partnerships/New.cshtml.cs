using HiTech.Core.Collaboration;

namespace HiTech.Web.Features.Partnerships;

/// <summary>One milestone row of the form, as typed.</summary>
public sealed class MilestoneRow
{
    public string? Title { get; set; }

    public string? DueOn { get; set; }
}

/// <summary>
/// GET/POST /partnerships/new?introduction={id}: either side of an accepted introduction records the partnership it
/// agreed (model, scope, value band, start, milestones). An introduction already recorded leads to its partnership.
/// </summary>
[Authorize]
public sealed class NewModel(CreatePartnership create, PartnershipTerms terms, IStringLocalizer<PartnershipsText> l) : FormPage
{
    [BindProperty(SupportsGet = true, Name = "introduction")]
    public Guid? IntroductionId { get; set; }

    [BindProperty]
    public string? PartnershipModel { get; set; }

    [BindProperty]
    public string? Scope { get; set; }

    [BindProperty]
    public string? ValueBand { get; set; }

    [BindProperty]
    public string? StartOn { get; set; }

    [BindProperty]
    public List<MilestoneRow> Milestones { get; set; } = [];

    public PartnershipTarget? Target { get; private set; }

    public PartnershipTerms Terms => terms;

    public override IReadOnlyList<string> FieldOrder => [nameof(PartnershipModel), nameof(Scope), nameof(ValueBand), nameof(StartOn), nameof(Milestones)];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } answered)
        {
            return answered;
        }

        var start = PartnershipDates.TryRead(StartOn, out var startOn);
        var milestones = new List<MilestoneRequest>();
        for (var i = 0; i < Milestones.Count; i++)
        {
            if (!PartnershipDates.TryRead(Milestones[i].DueOn, out var due))
            {
                ModelState.AddModelError($"{nameof(Milestones)}[{i}].{nameof(MilestoneRow.DueOn)}", l["Enter the due date as a date, for example 30-04-2026"]);
            }

            milestones.Add(new MilestoneRequest(Milestones[i].Title, due));
        }

        if (!start)
        {
            ModelState.AddModelError(nameof(StartOn), l["Enter the start as a date, for example 02-03-2026"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await create.ExecuteAsync(Current, new PartnershipRequest(IntroductionId, PartnershipModel, Scope, ValueBand, startOn, milestones), cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        if (outcome.IsOk)
        {
            return Redirect($"/partnerships/{outcome.Value!.Id}?done=recorded");
        }

        ModelState.AddErrors(outcome, field => field switch
        {
            "value_band" => nameof(ValueBand),
            "start_on" => nameof(StartOn),
            "milestones" => nameof(Milestones),
            "scope" => nameof(Scope),
            _ => nameof(PartnershipModel),
        });
        return Page();
    }

    /// <summary>Null when the form should show; else the answer (404, 403, or the partnership already recorded).</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var target = await create.TargetAsync(Current, IntroductionId, cancellationToken);
        if (this.Refusal(target) is { } refused)
        {
            return refused;
        }

        if (!target.IsOk)
        {
            return NotFound();
        }

        if (target.Value!.Existing is { } existing)
        {
            return Redirect($"/partnerships/{existing.Id}");
        }

        Target = target.Value;
        while (Milestones.Count < CreatePartnership.MaxMilestones)
        {
            Milestones.Add(new MilestoneRow());
        }

        return null;
    }
}
