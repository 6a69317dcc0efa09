using System.Collections.Concurrent;
using System.Diagnostics;

namespace HiTech.Web.Infrastructure.Jobs;

/// <summary>
/// One node's side of the clustered scheduler: at each poll it takes the due jobs it can lease (JobLeases) and runs
/// each on its own task, renewing the lease while the run lasts; a failure is recorded on the job's row and retried
/// with backoff. Any number of nodes may poll the same table; each due run happens on exactly one of them.
/// </summary>
public sealed class JobRunner(
    IServiceScopeFactory scopes,
    IEnumerable<IRecurringJob> jobs,
    JobOptions options,
    JobStatus status,
    JobMetrics metrics,
    TimeProvider clock,
    ILogger<JobRunner> logger)
{
    private readonly Dictionary<string, IRecurringJob> _jobs = jobs.ToDictionary(j => j.Name, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private bool _rowsEnsured;

    public IReadOnlyCollection<IRecurringJob> Jobs => _jobs.Values;

    /// <summary>Leases and starts every due job this node is not already running; answers the started runs.</summary>
    public async Task<IReadOnlyList<Task>> StartDueAsync(CancellationToken stopping)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<ScheduledJob> rows;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!_rowsEnsured)
            {
                await JobLeases.EnsureRowsAsync(db, _jobs.Keys, now, stopping);
                _rowsEnsured = true;
            }

            rows = await db.ScheduledJobs.AsNoTracking().ToListAsync(stopping);
            status.MarkPolled(rows);
            await MeasureQueuesAsync(scope.ServiceProvider, stopping);
        }

        var started = new List<Task>();
        foreach (var row in rows.Where(r => r.NextRunAtUtc <= now && (r.LeaseOwner is null || r.LeaseUntilUtc < now)))
        {
            // A run of the job still going on this node (its lease renewed) is not started twice.
            if (!_jobs.TryGetValue(row.Name, out var job) || (_running.TryGetValue(job.Name, out var running) && !running.IsCompleted))
            {
                continue;
            }

            var owner = $"{options.Node}/{Guid.NewGuid():N}";
            bool leased;
            await using (var scope = scopes.CreateAsyncScope())
            {
                leased = await JobLeases.TryLeaseAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), job.Name, owner, now, options.Lease, stopping);
            }

            if (leased)
            {
                var run = RunAsync(job, owner, row.Failures, stopping);
                _running[job.Name] = run;
                started.Add(run);
            }
        }

        return started;
    }

    /// <summary>Runs every due job this node can lease and waits for them; answers how many ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken stopping)
    {
        var runs = await StartDueAsync(stopping);
        await Task.WhenAll(runs);
        return runs.Count;
    }

    /// <summary>Waits for the runs in progress (the host is stopping; their token is cancelled).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Values);

    private async Task RunAsync(IRecurringJob job, string owner, int failuresBefore, CancellationToken stopping)
    {
        await Task.Yield();
        var startedAt = clock.GetUtcNow();
        using var activity = JobMetrics.Source.StartActivity($"job {job.Name}");
        activity?.SetTag("job", job.Name);
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var done = new CancellationTokenSource();
        var renewal = RenewWhileRunningAsync(job.Name, owner, lost, done.Token);
        string? error = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await job.RunAsync(scope.ServiceProvider, lost.Token);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            error = stopping.IsCancellationRequested ? null : "The lease passed to another node before the run finished.";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A job's failure of any kind is recorded and retried; it must never stop the scheduler or the node.
            error = $"{e.GetType().Name}: {e.Message}";
            logger.LogError(e, "Job {Job} failed (failure {Failures} in a row)", job.Name, failuresBefore + 1);
            activity?.SetStatus(ActivityStatusCode.Error, error);
        }
        finally
        {
            await done.CancelAsync();
            await renewal;
        }

        await RecordAsync(job, owner, failuresBefore, startedAt, error, stopping.IsCancellationRequested);
    }

    private async Task RecordAsync(IRecurringJob job, string owner, int failuresBefore, DateTimeOffset startedAt, string? error, bool stopped)
    {
        var now = clock.GetUtcNow();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (stopped)
            {
                await JobLeases.ReleaseAsync(db, job.Name, owner, now.UtcDateTime, CancellationToken.None);
                return;
            }

            var next = error is null
                ? Later(job.NextRunAfter(startedAt), now)
                : now + options.Backoff(failuresBefore + 1, job.Interval);
            if (await JobLeases.FinishAsync(db, job.Name, owner, now.UtcDateTime, next.UtcDateTime, error, CancellationToken.None))
            {
                metrics.Finished(job.Name, error is null, now - startedAt);
                logger.LogInformation("Job {Job} {Outcome} in {Milliseconds} ms; next run {Next:u}", job.Name, error is null ? "finished" : "failed", (now - startedAt).TotalMilliseconds, next);
            }
            else
            {
                logger.LogWarning("Job {Job} finished after its lease had passed to another node; its result was not recorded", job.Name);
            }
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
        {
            // The lease then expires and another node (or this one) runs the job again.
            logger.LogError(e, "Job {Job}: its run could not be recorded", job.Name);
        }
    }

    private async Task RenewWhileRunningAsync(string name, string owner, CancellationTokenSource lost, CancellationToken done)
    {
        var every = options.Lease / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, clock, done);
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    if (!await JobLeases.RenewAsync(db, name, owner, (clock.GetUtcNow() + options.Lease).UtcDateTime, done))
                    {
                        logger.LogWarning("Job {Job}: the lease passed to another node; this run is cancelled", name);
                        await lost.CancelAsync();
                        return;
                    }
                }
                catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
                {
                    // Tried again at the next renewal; if the database stays away the lease expires and the run is repeated.
                    logger.LogWarning(e, "Job {Job}: the lease could not be renewed", name);
                }
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
            // The run finished.
        }
    }

    private async Task MeasureQueuesAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        foreach (var job in _jobs.Values)
        {
            try
            {
                status.SetQueueLength(job.Name, await job.QueueLengthAsync(scoped, cancellationToken));
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                logger.LogWarning(e, "Job {Job}: its queue could not be measured", job.Name);
            }
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
