using System.Globalization;

namespace HiTech.Web.Features.Assessments;

/// <summary>
/// A page of an assessment that only its own enterprise opens (the overview, inputs, evidence, check): anyone else who
/// may read it gets 404, like those who may not (a role that sees no assessments gets 403).
/// </summary>
public abstract class OwnAssessmentPage(GetAssessment get) : FormPage
{
    public AssessmentDetail Detail { get; private set; } = null!;

    /// <summary>The handler that reads the assessment (the base class keeps it: a page re-reads through it).</summary>
    protected GetAssessment Get => get;

    /// <summary>The version the form was read at (-1 when missing, which is never current).</summary>
    protected int PostedVersion => int.TryParse(Request.Form["Version"], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;

    protected string OverviewUrl => $"/assessments/{Detail.Id}";

    /// <summary>Loads <see cref="Detail"/>; the refusal when it is not the user's organisation's.</summary>
    protected async Task<IActionResult?> LoadDetailAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(Current, id, cancellationToken);
        if (this.Refusal(found) is { } refused)
        {
            return refused;
        }

        if (!Current.OwnsOrganisation(found.Value!.Assessment.OrganisationId))
        {
            return NotFound();
        }

        Detail = found.Value;
        return null;
    }

    /// <summary>As <see cref="LoadDetailAsync"/>, and back to the overview once the enterprise no longer holds it.</summary>
    protected async Task<IActionResult?> LoadEditableAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadDetailAsync(id, cancellationToken) ?? (Detail.IsEditable ? null : Redirect(OverviewUrl));

    /// <summary>
    /// Where a refused change leads: 404 or 403, or back to the overview when it was submitted meanwhile; null when the
    /// page shows itself again (refused values, or a stale version).
    /// </summary>
    protected IActionResult? TurnedAway<T>(Outcome<T> outcome) =>
        outcome.Kind == OutcomeKind.Conflict && !outcome.IsStale() ? Redirect(OverviewUrl) : this.Refusal(outcome);
}
