using System.Globalization;
using HiTech.Web.Features.Shared;
using HiTech.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiTech.Web.Features.Assessments;

/// <summary>Starts an assessment: one question, which financial year (the last completed one is chosen already).</summary>
[Authorize(Policy = Roles.Enterprise)]
public sealed class StartModel(StartAssessment start, AssessmentWords words) : FormPage
{
    public IReadOnlyList<int> Years { get; private set; } = [];

    [BindProperty]
    public string? Year { get; set; }

    /// <summary>An assessment that already exists for the year chosen.</summary>
    public Guid? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Current.OrganisationId is not { } organisation)
        {
            return Redirect("/assessments");
        }

        Years = await start.FreeYearsAsync(organisation, cancellationToken);
        Year ??= Years.Count > 0 ? Years[0].ToString(CultureInfo.InvariantCulture) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Current.OrganisationId is not { } organisation)
        {
            return Redirect("/assessments");
        }

        Years = await start.FreeYearsAsync(organisation, cancellationToken);
        if (!int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            ModelState.AddModelError(nameof(Year), words.L["Select the financial year to assess"]);
            return Page();
        }

        var outcome = await start.ExecuteAsync(Current, organisation, year, cancellationToken);
        switch (outcome.Status)
        {
            case StartStatus.Started:
                return Redirect($"/assessments/{outcome.AssessmentId}/inputs/{InputGroups.AboutId}");
            case StartStatus.Exists:
                Existing = outcome.AssessmentId;
                ModelState.AddModelError(nameof(Year), words.L["You already have an assessment for {0}", AssessmentWords.Year(year)]);
                return Page();
            case StartStatus.BadYear:
                ModelState.AddModelError(nameof(Year), words.L["Select the financial year to assess"]);
                return Page();
            default:
                return NotFound();
        }
    }
}
