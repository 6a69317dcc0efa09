namespace HiTech.Web.Infrastructure.Analytics;

/// <summary>
/// Asks for the analytics snapshot to follow a change (an approval): marks every node's <see cref="SnapshotJob"/> due
/// in <c>Analytics:DebounceSeconds</c> (default 30), unless it is due sooner already, so approvals close together make
/// one build on each node. One UPDATE, in the caller's request; nothing is held in memory, so it works from any node.
/// </summary>
public sealed class SnapshotRefresh(TimeProvider clock, IConfiguration configuration)
{
    public static TimeSpan DebounceOf(IConfiguration configuration) =>
        TimeSpan.FromSeconds(configuration.GetValue("Analytics:DebounceSeconds", 30));

    /// <summary>Marks the snapshot jobs of every node due soon; answers how many nodes' jobs were brought forward.</summary>
    public async Task<int> RequestSoonAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var due = (clock.GetUtcNow() + DebounceOf(configuration)).UtcDateTime;
        return await db.ScheduledJobs
            .Where(j => EF.Functions.Like(j.Name, SnapshotJob.NamePrefix + "%") && j.NextRunAtUtc > due)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.NextRunAtUtc, due), cancellationToken);
    }
}
