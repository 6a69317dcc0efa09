namespace HiTech.Web.Features.Reviews;

/// <summary>Sends a submitted assessment back to the enterprise with the assessor's comments, which the enterprise sees.</summary>
public sealed class ReturnAssessment(ReviewChanges changes, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<ReviewSaved>> ExecuteAsync(Guid assessmentId, int? version, string? comments, CurrentUser user, CancellationToken cancellationToken)
    {
        var open = await changes.OpenDecisionAsync(assessmentId, version, AssessmentMove.Return, comments, user, cancellationToken);
        if (!open.IsOk)
        {
            return open.As<ReviewSaved>();
        }

        var (assessment, said) = open.Value;
        var before = new { status = assessment.Status.ToString(), assessor = assessment.AssessorId, comments = assessment.ReviewComments };
        assessment.Apply(AssessmentMove.Return, user.RequiredId, clock.GetUtcNow());
        assessment.ReviewComments = said;
        audit.Record(user, "Assessment", assessment.Id.ToString(), AuditAction.Return, before, new { status = assessment.Status.ToString(), assessor = assessment.AssessorId, comments = said });
        return await changes.SaveAsync(assessment, cancellationToken);
    }
}
