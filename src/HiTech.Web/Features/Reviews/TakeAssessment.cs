using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Features.Reviews;

/// <summary>An assessor takes an unassigned submitted assessment from the open queue: it becomes theirs alone.</summary>
public sealed class TakeAssessment(AppDbContext db, ReviewAccess access, AuditLog audit, TimeProvider clock)
{
    public async Task<ReviewOutcome> RunAsync(Guid assessmentId, int? version, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await access.FindForChangeAsync(assessmentId, user, cancellationToken);
        if (assessment is null)
        {
            return ReviewOutcome.NotFound();
        }

        if (assessment.AssessorId == user.Id)
        {
            return ReviewOutcome.Done(assessment.Version);
        }

        if (version is { } expected && expected != assessment.Version)
        {
            return ReviewOutcome.Conflict(assessment.Version, assessment.UpdatedAt);
        }

        var read = version ?? assessment.Version;
        assessment.AssessorId = user.RequiredId;
        assessment.UpdatedAt = clock.GetUtcNow();
        audit.Record(user, "Assessment", assessment.Id.ToString(), AuditAction.Take, new { assessor = (Guid?)null }, new { assessor = user.Id });
        access.ExpectVersion(assessment, read);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else took it (or it changed) first.
            return await access.ConflictAsync(assessmentId, cancellationToken);
        }

        return ReviewOutcome.Done(assessment.Version);
    }
}
