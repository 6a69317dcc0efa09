namespace HiTech.Web.Features.WhatIf;

/// <summary>GET /analytics/what-if/compare?run=A&amp;run=B: two finished runs side by side.</summary>
[Authorize(Policy = Roles.Analyst)]
public sealed class CompareModel(GetWhatIfRun get, IStringLocalizer<WhatIfText> l) : FormPage
{
    [BindProperty(SupportsGet = true, Name = "run")]
    public List<Guid> Run { get; set; } = [];

    public IReadOnlyList<GetWhatIfRun.RunView> Views { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Run.Distinct().Count() != 2)
        {
            ModelState.AddModelError(nameof(Run), l["Tick two finished runs to compare them"]);
            return Page();
        }

        var views = new List<GetWhatIfRun.RunView>();
        foreach (var id in Run.Distinct())
        {
            var outcome = await get.ExecuteAsync(id, Current, cancellationToken);
            if (this.Refusal(outcome) is { } refused)
            {
                return refused;
            }

            if (outcome.Value!.Report is null)
            {
                ModelState.AddModelError(nameof(Run), l["Run {0} has not finished; only finished runs can be compared", outcome.Value.Run.ProposalName]);
                return Page();
            }

            views.Add(outcome.Value);
        }

        Views = views;
        return Page();
    }
}
