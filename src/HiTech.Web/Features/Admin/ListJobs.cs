using HiTech.Web.Infrastructure.Jobs;

namespace HiTech.Web.Features.Admin;

/// <summary>One background job as the admin page shows it.</summary>
public sealed record JobRow(
    string Name,
    DateTimeOffset? LastStarted,
    DateTimeOffset? LastFinished,
    DateTimeOffset NextRun,
    string? RunningOn,
    long Runs,
    int Failures,
    string? LastError,
    int? Waiting);

/// <summary>The background jobs of the cluster (ScheduledJobs), with the queue lengths this node measured at its last poll.</summary>
public sealed class ListJobs(AppDbContext db, JobStatus status, TimeProvider clock)
{
    public async Task<IReadOnlyList<JobRow>> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var queues = status.QueueLengths().ToDictionary(m => (string)m.Tags[0].Value!, m => m.Value, StringComparer.Ordinal);
        var rows = await db.ScheduledJobs.AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows
            .OrderBy(j => j.Name, StringComparer.Ordinal)
            .Select(j => new JobRow(
                j.Name,
                Utc(j.LastStartedAtUtc),
                Utc(j.LastFinishedAtUtc),
                new DateTimeOffset(j.NextRunAtUtc, TimeSpan.Zero),
                j.LeaseOwner is { } owner && j.LeaseUntilUtc >= now ? owner.Split('/')[0] : null,
                j.Runs,
                j.Failures,
                j.LastError,
                queues.TryGetValue(j.Name, out var waiting) ? waiting : null))];
    }

    private static DateTimeOffset? Utc(DateTime? at) => at is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
}
