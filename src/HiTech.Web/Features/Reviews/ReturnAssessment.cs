using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Features.Reviews;

/// <summary>Sends a submitted assessment back to the enterprise with the assessor's comments, which the enterprise sees.</summary>
public sealed class ReturnAssessment(AppDbContext db, ReviewAccess access, AuditLog audit, TimeProvider clock)
{
    public async Task<ReviewOutcome> RunAsync(Guid assessmentId, int? version, string? comments, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await access.FindForChangeAsync(assessmentId, user, cancellationToken);
        if (assessment is null)
        {
            return ReviewOutcome.NotFound();
        }

        if (ReviewAccess.RefuseUnlessOpen(assessment, version) is { } refusal)
        {
            return refusal;
        }

        var expected = assessment.Version;

        comments = comments?.Trim();
        if (string.IsNullOrEmpty(comments))
        {
            return ReviewOutcome.Invalid(assessment.Version, new() { ["comments"] = new("Tell the enterprise what to change before it submits again") });
        }

        if (comments.Length > ApproveAssessment.MaxComments)
        {
            return ReviewOutcome.Invalid(assessment.Version, new() { ["comments"] = new("Comments must be {0} characters or fewer", ApproveAssessment.MaxComments) });
        }

        var now = clock.GetUtcNow();
        var before = new { status = assessment.Status.ToString(), assessor = assessment.AssessorId, comments = assessment.ReviewComments };
        assessment.Status = AssessmentStatus.Returned;
        assessment.DecidedAt = now;
        assessment.UpdatedAt = now;
        assessment.AssessorId = user.RequiredId;
        assessment.ReviewComments = comments;
        audit.Record(user, "Assessment", assessment.Id.ToString(), AuditAction.Return, before, new { status = assessment.Status.ToString(), assessor = assessment.AssessorId, comments });
        access.ExpectVersion(assessment, expected);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await access.ConflictAsync(assessmentId, cancellationToken);
        }

        return ReviewOutcome.Done(assessment.Version);
    }
}
