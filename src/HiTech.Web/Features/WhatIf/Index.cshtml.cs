namespace HiTech.Web.Features.WhatIf;

/// <summary>GET/POST /analytics/what-if: upload a proposal framework, pick the population's year, queue a run; the kept runs, to open or compare.</summary>
[Authorize(Policy = Roles.Analyst)]
[RequestSizeLimit(FrameworkUpload.MaxBytes + (64 * 1024))]
public sealed class IndexModel(StartWhatIf start, ListWhatIfRuns list, TimeProvider clock, IStringLocalizer<WhatIfText> l) : FormPage
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public int Year { get; set; }

    public IReadOnlyList<FrameworkError> Errors { get; private set; } = [];

    public IReadOnlyList<ListWhatIfRuns.RunSummary> Runs { get; private set; } = [];

    public int? LatestApprovedYear { get; private set; }

    public override IReadOnlyList<string> FieldOrder => [nameof(Upload), nameof(Year)];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var shown = await ShowAsync(cancellationToken);
        Year = LatestApprovedYear ?? clock.GetUtcNow().Year;
        return shown;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), l["Choose a proposal framework file (.yaml)"]);
            return await ShowAsync(cancellationToken);
        }

        await using var stream = Upload.OpenReadStream();
        var outcome = await start.ExecuteAsync(stream, Upload.FileName, Year, Current, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        if (!outcome.IsOk)
        {
            Errors = StartWhatIf.ErrorsOf(outcome);
            if (Errors.Count > 0)
            {
                ModelState.AddModelError(nameof(Upload), l["The proposal has {0} errors and was not run. Nothing was stored.", Errors.Count]);
            }
            else
            {
                ModelState.AddErrors(outcome, field => field == "year" ? nameof(Year) : nameof(Upload));
            }

            return await ShowAsync(cancellationToken);
        }

        return Redirect($"/analytics/what-if/{outcome.Value!.Id}");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var runs = await list.ExecuteAsync(Current, cancellationToken);
        if (this.Refusal(runs) is { } refused)
        {
            return refused;
        }

        Runs = runs.Value!.Runs;
        LatestApprovedYear = runs.Value.LatestApprovedYear;
        return Page();
    }
}
