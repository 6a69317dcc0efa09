namespace HiTech.Web.Infrastructure.Jobs;

/// <summary>
/// The scheduler's writes to ScheduledJobs. Each is one statement whose WHERE clause is the rule, so two nodes can
/// never both win: PostgreSQL re-checks the WHERE of a concurrent UPDATE on the row once the first commits (READ
/// COMMITTED), and SQLite lets one writer at a time. Every write after the lease names the owner, so a node whose
/// lease has passed to another can no longer record anything.
/// </summary>
public static class JobLeases
{
    /// <summary>Adds a row, due now, for each job that has none; a row another node adds at the same moment wins quietly.</summary>
    public static async Task EnsureRowsAsync(AppDbContext db, IEnumerable<string> names, DateTime now, CancellationToken cancellationToken)
    {
        var existing = await db.ScheduledJobs.AsNoTracking().Select(j => j.Name).ToListAsync(cancellationToken);
        foreach (var name in names.Except(existing, StringComparer.Ordinal))
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "ScheduledJobs" ("Name", "NextRunAtUtc", "LeaseUntilUtc", "Failures", "Runs") VALUES ({name}, {now}, {now}, 0, 0) ON CONFLICT ("Name") DO NOTHING""",
                cancellationToken);
        }
    }

    /// <summary>Takes the job if it is due and nobody holds a live lease on it; true when this owner got it.</summary>
    public static async Task<bool> TryLeaseAsync(AppDbContext db, string name, string owner, DateTime now, TimeSpan lease, CancellationToken cancellationToken) =>
        await db.ScheduledJobs
            .Where(j => j.Name == name && j.NextRunAtUtc <= now && (j.LeaseOwner == null || j.LeaseUntilUtc < now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.LeaseOwner, owner).SetProperty(j => j.LeaseUntilUtc, now + lease).SetProperty(j => j.LastStartedAtUtc, now),
                cancellationToken) == 1;

    /// <summary>Extends the lease while the run lasts; false when the owner no longer holds it.</summary>
    public static async Task<bool> RenewAsync(AppDbContext db, string name, string owner, DateTime until, CancellationToken cancellationToken) =>
        await db.ScheduledJobs
            .Where(j => j.Name == name && j.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntilUtc, until), cancellationToken) == 1;

    /// <summary>Records the run and sets the next one, releasing the lease; false when the owner had lost it (nothing is written).</summary>
    public static async Task<bool> FinishAsync(AppDbContext db, string name, string owner, DateTime now, DateTime nextRun, string? error, CancellationToken cancellationToken)
    {
        var failed = error is not null;
        var trimmed = error is { Length: > ScheduledJob.MaxErrorLength } ? error[..ScheduledJob.MaxErrorLength] : error;
        return await db.ScheduledJobs
            .Where(j => j.Name == name && j.LeaseOwner == owner)
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.LeaseOwner, (string?)null)
                    .SetProperty(j => j.LeaseUntilUtc, now)
                    .SetProperty(j => j.LastFinishedAtUtc, now)
                    .SetProperty(j => j.NextRunAtUtc, nextRun)
                    .SetProperty(j => j.LastError, trimmed)
                    .SetProperty(j => j.Failures, j => failed ? j.Failures + 1 : 0)
                    .SetProperty(j => j.Runs, j => j.Runs + 1),
                cancellationToken) == 1;
    }

    /// <summary>Gives the job back untouched (the node is stopping): due again at once, for any node.</summary>
    public static async Task ReleaseAsync(AppDbContext db, string name, string owner, DateTime now, CancellationToken cancellationToken) =>
        await db.ScheduledJobs
            .Where(j => j.Name == name && j.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseUntilUtc, now), cancellationToken);
}
