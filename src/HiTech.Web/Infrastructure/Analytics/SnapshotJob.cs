using HiTech.Web.Infrastructure.Jobs;

namespace HiTech.Web.Infrastructure.Analytics;

/// <summary>
/// Builds this node's analytics snapshot on the clustered scheduler: when the node starts, nightly at
/// <c>Analytics:NightlyAtUtc</c> (default 02:00) and a little after approvals (<see cref="SnapshotRefresh"/> marks it
/// due). Each node keeps its own DuckDB file, so each node has its own job: the name carries the node and this process
/// (<see cref="NamePrefix"/>node/instance), the scheduler's lease keeps one build at a time on the node, and an
/// approval on any node marks every node's job due. A build writes a new file and swaps it in whole
/// (<see cref="AnalyticsStore.Publish"/>); a failure is recorded on the job's row and shown on the dashboard, the
/// previous snapshot stays in use, and the scheduler retries with backoff.
/// </summary>
public sealed class SnapshotJob : IRecurringJob, IDisposable
{
    /// <summary>The start of every snapshot job's name; one per node process.</summary>
    public const string NamePrefix = "analytics-snapshot@";

    /// <summary>A row of a node process that no longer runs: its job would have run within a day, so two days late means gone.</summary>
    private static readonly TimeSpan Abandoned = TimeSpan.FromDays(2);

    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly AnalyticsStore _store;
    private readonly AnalyticsProgress _progress;
    private readonly TimeProvider _clock;
    private readonly IConfiguration _configuration;
    private bool _started;
    private DateTimeOffset? _followUp;

    public SnapshotJob(AnalyticsStore store, AnalyticsProgress progress, JobOptions jobs, TimeProvider clock, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        _store = store;
        _progress = progress;
        _clock = clock;
        _configuration = configuration;
        // A new process is a new row, due at once: the snapshot is built when the node starts.
        var name = $"{NamePrefix}{jobs.Node}/{Guid.NewGuid():N}";
        Name = name.Length <= ScheduledJob.MaxNameLength ? name : name[..ScheduledJob.MaxNameLength];
    }

    public string Name { get; }

    /// <summary>At most a day between builds; the nightly time is kept by <see cref="NextRunAfter"/>.</summary>
    public TimeSpan Interval => TimeSpan.FromDays(1);

    private TimeOnly NightlyAt => TimeOnly.TryParse(_configuration["Analytics:NightlyAtUtc"], System.Globalization.CultureInfo.InvariantCulture, out var at) ? at : new TimeOnly(2, 0);

    private bool BuildOnStart => _configuration.GetValue("Analytics:BuildOnStart", true);

    /// <summary>Approvals made while a build read the data: built again after the debounce; otherwise the next nightly time.</summary>
    public DateTimeOffset NextRunAfter(DateTimeOffset startedAt) => _followUp ?? NextNightly(startedAt);

    public async Task RunAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scoped);
        var first = !_started;
        _started = true;
        await ForgetAbandonedAsync(scoped.GetRequiredService<AppDbContext>(), cancellationToken);
        if (first && !BuildOnStart)
        {
            _followUp = null;
            return;
        }

        await RebuildAsync(scoped, cancellationToken);
    }

    /// <summary>Builds a snapshot now and puts it in use (one build at a time on this node); also for tests and the benchmark.</summary>
    public async Task RebuildAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scoped);
        await _building.WaitAsync(cancellationToken);
        try
        {
            var source = scoped.GetRequiredService<ISnapshotSource>();
            var before = await source.CountFactsAsync(cancellationToken);
            string part;
            try
            {
                part = await scoped.GetRequiredService<SnapshotWriter>().WriteAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _progress.Failed(_clock.GetUtcNow(), e.Message);
                throw;
            }

            _store.Publish(part);
            // An approval saved while the build read the data may be missing from it (its mark came while this job was
            // due already): build again soon, as the mark would have.
            _followUp = await source.CountFactsAsync(cancellationToken) != before ? _clock.GetUtcNow() + SnapshotRefresh.DebounceOf(_configuration) : null;
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose() => _building.Dispose();

    private DateTimeOffset NextNightly(DateTimeOffset after)
    {
        var today = new DateTimeOffset(DateOnly.FromDateTime(after.UtcDateTime).ToDateTime(NightlyAt), TimeSpan.Zero);
        return today > after ? today : today.AddDays(1);
    }

    /// <summary>Removes the rows of node processes that have stopped (their own job would have moved them on).</summary>
    private async Task ForgetAbandonedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var before = (_clock.GetUtcNow() - Abandoned).UtcDateTime;
        var now = _clock.GetUtcNow().UtcDateTime;
        await db.ScheduledJobs
            .Where(j => EF.Functions.Like(j.Name, NamePrefix + "%") && j.Name != Name && j.NextRunAtUtc < before && (j.LeaseOwner == null || j.LeaseUntilUtc < now))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
