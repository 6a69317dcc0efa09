using HiTech.Core.Reference;

namespace HiTech.Web.Features.Assessments;

/// <summary>
/// Check your answers, then submit. What stops submission (a required answer missing, figures that do not agree,
/// no activities) is listed in an error summary whose links go to the question on its own page.
/// </summary>
[Authorize(Policy = Roles.Enterprise)]
public sealed class CheckModel(GetAssessment get, SubmitAssessment submit, AssessmentWords words, ReferenceData reference) : OwnAssessmentPage(get)
{
    public IReadOnlyList<Activity> Activities { get; private set; } = [];

    /// <summary>Why it could not be submitted, each with the link to the question concerned.</summary>
    public IReadOnlyList<(string Message, string Href)> Problems { get; private set; } = [];

    public string ActivityTitle(string code) => reference.Nic.Find(code)?.Title ?? code;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await submit.ExecuteAsync(Current, id, PostedVersion, cancellationToken);
        if (outcome.IsOk)
        {
            return Redirect($"/assessments/{id}/result");
        }

        if (TurnedAway(outcome) is { } away)
        {
            return away;
        }

        // Each problem once (an issue about several inputs is under each of them), linked to its first question.
        Problems = outcome.IsStale()
            ? [(words.L["This assessment was changed at {0}, after you opened this page. Check the answers below, then submit again.", Fmt.DateTime(Detail.Assessment.UpdatedAt)], "#answers")]
            : [.. outcome.Errors.SelectMany(e => e.Value.Select(message => (message, Href(e.Key)))).DistinctBy(p => p.message)];
        foreach (var (message, _) in Problems)
        {
            ModelState.AddModelError("", message);
        }

        return Page();
    }

    private string Href(string field) =>
        field.StartsWith(SaveInputs.FieldPrefix, StringComparison.Ordinal) && Detail.Framework.InputsById.ContainsKey(field[SaveInputs.FieldPrefix.Length..])
            ? InputFieldIds.Url(Detail, field[SaveInputs.FieldPrefix.Length..])
            : field == "activities" ? "/enterprise" : "#answers";

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadEditableAsync(id, cancellationToken) is { } away)
        {
            return away;
        }

        Activities = await Get.ActivitiesAsync(Detail.Assessment.OrganisationId, cancellationToken);
        return null;
    }
}
