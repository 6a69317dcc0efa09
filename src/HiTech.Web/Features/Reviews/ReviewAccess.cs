using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Features.Reviews;

/// <summary>
/// Which assessments an assessor reaches: those assigned to them, and Submitted ones nobody has taken yet (the
/// open queue). Anything else answers 404, never a hint that it exists.
/// </summary>
public sealed class ReviewAccess(AppDbContext db)
{
    public static bool CanReach(CurrentUser user, Assessment assessment) =>
        user.IsAssessor && user.Id is { } me
        && (assessment.AssessorId == me || (assessment.AssessorId is null && assessment.Status == AssessmentStatus.Submitted));

    /// <summary>The assessment, tracked, with its inputs, when this assessor may review it; else null.</summary>
    public async Task<Assessment?> FindForChangeAsync(Guid id, CurrentUser user, CancellationToken cancellationToken)
    {
        if (!user.IsAssessor)
        {
            return null;
        }

        var assessment = await db.Assessments.Include(a => a.Inputs).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return assessment is not null && CanReach(user, assessment) ? assessment : null;
    }

    /// <summary>
    /// Why an assessment cannot be decided on now, or null when it can: it must be waiting for review (Submitted), and
    /// the caller must send the version it read, which must still be the current one.
    /// </summary>
    public static ReviewOutcome? RefuseUnlessOpen(Assessment assessment, int? version) =>
        assessment.Status != AssessmentStatus.Submitted ? ReviewOutcome.NotOpen(assessment.Version)
        : version is null ? ReviewOutcome.Invalid(assessment.Version, new() { ["version"] = new("Send the version of the assessment you read") })
        : version != assessment.Version ? ReviewOutcome.Conflict(assessment.Version, assessment.UpdatedAt)
        : null;

    /// <summary>
    /// Requires the version the caller read; enforces it in the save too (the UPDATE carries WHERE Version = it),
    /// so of two people deciding at once the second is told, never silently overwritten.
    /// </summary>
    public void ExpectVersion(Assessment assessment, int version) => db.Entry(assessment).Property(a => a.Version).OriginalValue = version;

    /// <summary>What is saved now, after a refused stale save.</summary>
    public async Task<ReviewOutcome> ConflictAsync(Guid id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var saved = await db.Assessments.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Version, a.UpdatedAt }).FirstOrDefaultAsync(cancellationToken);
        return saved is null ? ReviewOutcome.NotFound() : ReviewOutcome.Conflict(saved.Version, saved.UpdatedAt);
    }
}
