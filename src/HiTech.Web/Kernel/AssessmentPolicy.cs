namespace HiTech.Web.Kernel;

/// <summary>
/// Who may see and change an assessment: the one policy every page, endpoint and handler asks.
/// <list type="bullet">
/// <item>The owning organisation's Enterprise users read it and, while it is a draft or returned, change it.</item>
/// <item>An assessor reads and reviews the assessments assigned to them and the open queue (submitted, not yet taken).</item>
/// <item>Admins read all. Analysts see aggregates only, never an individual assessment (403).</item>
/// <item>Evidence documents are for the owner, admins and the assessor the assessment is assigned to: an assessor
/// browsing the open queue sees the figures, and the documents once they take it.</item>
/// <item>An approved assessment's certificate is for the owner, admins and the assessor who approved it (the one it is
/// assigned to); analysts are refused by role (403), anyone else gets 404.</item>
/// </list>
/// Anyone else gets <see cref="OutcomeKind.NotFound"/>: never a hint that it exists.
/// </summary>
public static class AssessmentPolicy
{
    /// <summary>Roles that work with individual assessments; anyone else is refused (403) before anything is looked up.</summary>
    public static bool SeesAssessments(CurrentUser user) => user.IsAdmin || user.IsEnterprise || user.IsAssessor;

    /// <summary>May this assessor review it: assigned to them, or submitted and not yet taken?</summary>
    public static bool MayReview(CurrentUser user, AssessmentStatus status, Guid? assessorId) =>
        user.IsAssessor && user.Id is { } me && (assessorId == me || (assessorId is null && status == AssessmentStatus.Submitted));

    public static bool MayReview(CurrentUser user, Assessment assessment) => MayReview(user, assessment.Status, assessment.AssessorId);

    /// <summary><see cref="OutcomeKind.Ok"/>, <see cref="OutcomeKind.NotFound"/> or <see cref="OutcomeKind.Forbidden"/>.</summary>
    public static OutcomeKind Read(CurrentUser user, Guid organisationId, AssessmentStatus status, Guid? assessorId) =>
        !SeesAssessments(user) ? OutcomeKind.Forbidden
        : user.IsAdmin || user.OwnsOrganisation(organisationId) || MayReview(user, status, assessorId) ? OutcomeKind.Ok
        : OutcomeKind.NotFound;

    public static OutcomeKind Read(CurrentUser user, Assessment assessment) => Read(user, assessment.OrganisationId, assessment.Status, assessment.AssessorId);

    /// <summary>Inputs and evidence: only the owner changes them; others who may read get 403, the rest 404.</summary>
    public static OutcomeKind Change(CurrentUser user, Assessment assessment)
    {
        var read = Read(user, assessment);
        return read != OutcomeKind.Ok || user.OwnsOrganisation(assessment.OrganisationId) ? read : OutcomeKind.Forbidden;
    }

    public static bool MaySeeEvidence(CurrentUser user, Guid organisationId, Guid? assessorId) =>
        user.IsAdmin || user.OwnsOrganisation(organisationId) || (user.IsAssessor && user.Id is { } me && assessorId == me);

    /// <summary>May this user download the certificate of an assessment of <paramref name="organisationId"/> that <paramref name="approvedBy"/> approved?</summary>
    public static bool MayDownloadCertificate(CurrentUser user, Guid organisationId, Guid? approvedBy) => MaySeeEvidence(user, organisationId, approvedBy);

    /// <summary>The assessments a user's lists show: their organisation's, the assessor's assigned ones, all for admins.</summary>
    public static IQueryable<Assessment> Listed(IQueryable<Assessment> assessments, CurrentUser user) =>
        user.IsAdmin ? assessments
        : user.IsEnterprise && user.OrganisationId is { } organisation ? assessments.Where(a => a.OrganisationId == organisation)
        : user.IsAssessor && user.Id is { } assessor ? assessments.Where(a => a.AssessorId == assessor)
        : assessments.Where(a => false);

    /// <summary>
    /// The checks every change to an assessment makes first, in order: the role, the assessment's existence and owner,
    /// then its status (<see cref="OutcomeKind.Conflict"/> when it is not editable now, with the assessment).
    /// <paramref name="assessments"/> says how to load it (tracked, with its inputs, ...).
    /// </summary>
    public static async Task<(OutcomeKind Kind, Assessment? Assessment)> FindForChangeAsync(
        IQueryable<Assessment> assessments, CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        if (!SeesAssessments(user))
        {
            return (OutcomeKind.Forbidden, null);
        }

        var assessment = await assessments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return (OutcomeKind.NotFound, null);
        }

        var change = Change(user, assessment);
        return change != OutcomeKind.Ok ? (change, null)
            : (AssessmentLifecycle.IsEditable(assessment.Status) ? OutcomeKind.Ok : OutcomeKind.Conflict, assessment);
    }

    /// <summary>The assessment, tracked with its inputs, when this assessor may review it; else null (404).</summary>
    public static async Task<Assessment?> FindForReviewAsync(IQueryable<Assessment> assessments, CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        if (!user.IsAssessor)
        {
            return null;
        }

        var assessment = await assessments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return assessment is not null && MayReview(user, assessment) ? assessment : null;
    }
}
