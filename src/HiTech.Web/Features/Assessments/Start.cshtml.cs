using System.Globalization;

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

        // Nothing chosen (or not a number): year 0, which the handler refuses like any year it does not assess.
        var year = int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) ? chosen : 0;
        var outcome = await start.ExecuteAsync(Current, organisation, year, cancellationToken);
        if (outcome.IsOk)
        {
            return Redirect($"/assessments/{outcome.Value}/inputs/{InputGroups.AboutId}");
        }

        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        // One for that year already: its message, with a link to it; a year not offered: the question again.
        Existing = outcome.Kind == OutcomeKind.Conflict ? outcome.Value : null;
        ModelState.AddModelError(nameof(Year), Existing is null ? words.L["Select the financial year to assess"] : outcome.Message!);
        return Page();
    }
}
