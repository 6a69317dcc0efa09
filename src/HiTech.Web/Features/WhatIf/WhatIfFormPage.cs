namespace HiTech.Web.Features.WhatIf;

/// <summary>
/// A page that queues a what-if run: the population fields both proposal forms share (the _Population partial): the
/// year's approved assessments and/or a registry file, and how the start's refusals land on them.
/// </summary>
public abstract class WhatIfFormPage(ListWhatIfRuns list, TimeProvider clock) : FormPage
{
    [BindProperty]
    public int Year { get; set; }

    [BindProperty]
    public bool Assessments { get; set; }

    [BindProperty]
    public IFormFile? Registry { get; set; }

    /// <summary>The clock of the page (today's year, a proposal's default name).</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>The latest year with an approved assessment (the population a new run starts from), or null.</summary>
    public int? LatestApprovedYear { get; private set; }

    public IReadOnlyList<ListWhatIfRuns.RunSummary> Runs { get; private set; } = [];

    /// <summary>The population as posted; its registry stream belongs to the request.</summary>
    protected WhatIfPopulation Population() =>
        new(Assessments, Year, Registry is { Length: > 0 } file ? file.OpenReadStream() : null, Registry?.FileName);

    /// <summary>Puts the start's refusals of the population beside its fields; true when there was one.</summary>
    protected bool AddPopulationErrors(Outcome<WhatIfRun> outcome)
    {
        var found = false;
        foreach (var (field, page) in new[] { ("year", nameof(Year)), ("population", nameof(Assessments)), ("registry", nameof(Registry)) })
        {
            if (outcome.Errors.TryGetValue(field, out var messages))
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(page, message);
                }

                found = true;
            }
        }

        return found;
    }

    /// <summary>Reads the runs and the latest approved year; on a first visit the population is that year's approved assessments.</summary>
    protected async Task<IActionResult> ShowAsync(bool firstVisit, CancellationToken cancellationToken)
    {
        var runs = await list.ExecuteAsync(Current, cancellationToken);
        if (this.Refusal(runs) is { } refused)
        {
            return refused;
        }

        Runs = runs.Value!.Runs;
        LatestApprovedYear = runs.Value.LatestApprovedYear;
        if (firstVisit)
        {
            Year = LatestApprovedYear ?? Clock.GetUtcNow().Year;
            Assessments = true;
        }

        return Page();
    }
}
