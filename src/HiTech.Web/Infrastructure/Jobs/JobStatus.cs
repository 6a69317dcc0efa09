using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace HiTech.Web.Infrastructure.Jobs;

/// <summary>What this node's scheduler saw at its last poll: for the readiness check and the metrics (which must not query the database).</summary>
public sealed class JobStatus(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, int?> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private long _lastPollTicks;
    private long _startedTicks;

    /// <summary>When the scheduler loop started on this node, or null when it does not run here.</summary>
    public DateTimeOffset? Started => Read(ref _startedTicks);

    /// <summary>When the jobs table was last read successfully.</summary>
    public DateTimeOffset? LastPoll => Read(ref _lastPollTicks);

    public void MarkStarted() => Interlocked.Exchange(ref _startedTicks, clock.GetUtcNow().UtcTicks);

    public void MarkPolled(IEnumerable<ScheduledJob> rows)
    {
        foreach (var row in rows)
        {
            _failures[row.Name] = row.Failures;
        }

        Interlocked.Exchange(ref _lastPollTicks, clock.GetUtcNow().UtcTicks);
    }

    public void SetQueueLength(string job, int? length) => _queues[job] = length;

    public IEnumerable<Measurement<int>> QueueLengths() =>
        _queues.Where(q => q.Value is not null).Select(q => new Measurement<int>(q.Value!.Value, new KeyValuePair<string, object?>("job", q.Key)));

    public IEnumerable<Measurement<int>> Failures() =>
        _failures.Select(f => new Measurement<int>(f.Value, new KeyValuePair<string, object?>("job", f.Key)));

    public IEnumerable<Measurement<double>> SecondsSincePoll() =>
        LastPoll is { } at ? [new Measurement<double>((clock.GetUtcNow() - at).TotalSeconds)] : [];

    private static DateTimeOffset? Read(ref long ticks) =>
        Interlocked.Read(ref ticks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;
}
