namespace HiTech.Web.Infrastructure.Jobs;

/// <summary>
/// A piece of background work that runs every <see cref="Interval"/>, exactly once across all web nodes: the
/// scheduler (JobRunner) leases the job's row in ScheduledJobs, so one node runs it at a time.
/// Register with <c>services.AddRecurringJob&lt;T&gt;()</c>. The job itself is a singleton; take what a run needs
/// (the DbContext, a handler) from <c>scoped</c>, which lives for that one run.
/// </summary>
public interface IRecurringJob
{
    /// <summary>Stable name, the key of the job's row (e.g. "evidence-sweep"); never rename a job that has run.</summary>
    string Name { get; }

    /// <summary>Time from the start of one run to the next; a failed run is retried sooner, with backoff.</summary>
    TimeSpan Interval { get; }

    /// <summary>When the next run is due after a successful run that started at <paramref name="startedAt"/>: by default one interval later (a job that keeps a time of day says so here).</summary>
    DateTimeOffset NextRunAfter(DateTimeOffset startedAt) => startedAt + Interval;

    /// <summary>Does one run. Throwing marks the run failed: the error is recorded and the run retried later.</summary>
    Task RunAsync(IServiceProvider scoped, CancellationToken cancellationToken);

    /// <summary>How many items wait for this job (e.g. unsent e-mails), for the admin page and /metrics; null when the job has no queue.</summary>
    Task<int?> QueueLengthAsync(IServiceProvider scoped, CancellationToken cancellationToken) => Task.FromResult<int?>(null);
}
