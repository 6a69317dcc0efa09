namespace HiTech.Web.Features.Assessments;

/// <summary>
/// An assessment's home: a task list of the input pages while it is with the enterprise (with the assessor's
/// comments when returned), or its answers and a link to the result once submitted.
/// </summary>
[Authorize(Policy = Roles.Enterprise)]
public sealed class OverviewModel(GetAssessment get) : OwnAssessmentPage(get)
{
    [FromQuery(Name = "saved")]
    public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadDetailAsync(id, cancellationToken) ?? Page();
}
