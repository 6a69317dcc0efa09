namespace HiTech.Web.Features.WhatIf;

/// <summary>GET/POST /analytics/what-if: upload a proposal framework, pick the population, queue a run; the kept runs, to open or compare.</summary>
[Authorize(Policy = Roles.Analyst)]
[RequestSizeLimit(WhatIfFiles.MaxRegistryBytes + FrameworkUpload.MaxBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = WhatIfFiles.MaxRegistryBytes + FrameworkUpload.MaxBytes + (64 * 1024))]
public sealed class IndexModel(StartWhatIf start, ListWhatIfRuns list, TimeProvider clock, IStringLocalizer<WhatIfText> l) : WhatIfFormPage(list, clock)
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<FrameworkError> Errors { get; private set; } = [];

    public override IReadOnlyList<string> FieldOrder => [nameof(Upload), nameof(Assessments), nameof(Year), nameof(Registry)];

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(firstVisit: true, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), l["Choose a proposal framework file (.yaml)"]);
            return await ShowAsync(firstVisit: false, cancellationToken);
        }

        await using var stream = Upload.OpenReadStream();
        var outcome = await start.ExecuteAsync(stream, Upload.FileName, Population(), Current, cancellationToken);
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
            else if (!AddPopulationErrors(outcome))
            {
                ModelState.AddErrors(outcome, _ => nameof(Upload));
            }

            return await ShowAsync(firstVisit: false, cancellationToken);
        }

        return Redirect($"/analytics/what-if/{outcome.Value!.Id}");
    }
}
