namespace HiTech.Web.Features.Reviews;

/// <summary>An assessor takes an unassigned submitted assessment from the open queue: it becomes theirs alone.</summary>
public sealed class TakeAssessment(ReviewChanges changes, TimeProvider clock)
{
    /// <summary>Takes it at the version read; without a version, whatever is saved now.</summary>
    public async Task<Outcome<ReviewSaved>> ExecuteAsync(Guid assessmentId, int? version, CurrentUser user, CancellationToken cancellationToken)
    {
        var found = await changes.FindAsync(assessmentId, user, cancellationToken);
        if (found.Value is { } mine && mine.AssessorId == user.Id)
        {
            return Outcome.Ok(new ReviewSaved(mine.Version));
        }

        var open = found.Value is { } unassigned ? changes.Check(unassigned, AssessmentMove.Take, version ?? unassigned.Version) : found;
        if (open.Value is not { } assessment)
        {
            return open.As<ReviewSaved>();
        }

        changes.Take(assessment, user, clock.GetUtcNow());

        // Someone else may take it (or change it) first: the save says so.
        return await changes.SaveAsync(assessment, cancellationToken);
    }
}
