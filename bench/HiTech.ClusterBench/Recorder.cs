using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace HiTech.ClusterBench;

/// <summary>What the clients saw: latency from each request's scheduled time, by endpoint; answers and failures by second.</summary>
public sealed class Recorder(int seconds)
{
    private sealed class Endpoint
    {
        public List<double> Latencies { get; } = [];

        public ConcurrentDictionary<int, int> Statuses { get; } = new();

        public int Errors;
    }

    private readonly ConcurrentDictionary<string, Endpoint> _endpoints = new(StringComparer.Ordinal);

    // Per second of the run (by completion, with a minute's room for stragglers): answered 2xx, refused 4xx, failed (5xx or no answer).
    private readonly int[] _ok = new int[seconds + 60];
    private readonly int[] _refused = new int[seconds + 60];
    private readonly int[] _failed = new int[seconds + 60];
    private readonly ConcurrentBag<(double At, string Endpoint, string What)> _failures = [];

    private int _substituted;

    /// <summary>Requests that had nothing to work on and checked a certificate instead.</summary>
    public int Substituted => _substituted;

    public void Substitute() => Interlocked.Increment(ref _substituted);

    public void Answer(string endpoint, double latencyMs, int status, double completedAt)
    {
        var e = _endpoints.GetOrAdd(endpoint, _ => new Endpoint());
        lock (e.Latencies)
        {
            e.Latencies.Add(latencyMs);
        }

        e.Statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        var second = Second(completedAt);
        if (status is >= 200 and < 300)
        {
            Interlocked.Increment(ref _ok[second]);
        }
        else if (status < 500)
        {
            Interlocked.Increment(ref _refused[second]);
        }
        else
        {
            Interlocked.Increment(ref _failed[second]);
            _failures.Add((completedAt, endpoint, status.ToString(CultureInfo.InvariantCulture)));
        }
    }

    public void Error(string endpoint, double latencyMs, string what, double completedAt)
    {
        var e = _endpoints.GetOrAdd(endpoint, _ => new Endpoint());
        lock (e.Latencies)
        {
            e.Latencies.Add(latencyMs);
        }

        Interlocked.Increment(ref e.Errors);
        Interlocked.Increment(ref _failed[Second(completedAt)]);
        _failures.Add((completedAt, endpoint, what));
    }

    private int Second(double at) => Math.Clamp((int)at, 0, _ok.Length - 1);

    public long Total => _endpoints.Values.Sum(e => (long)e.Latencies.Count);

    /// <summary>Requests answered 2xx: the work the CPU figures are divided by (a request that timed out may never have run).</summary>
    public long Succeeded => _endpoints.Values.Sum(e => e.Statuses.Where(s => s.Key is >= 200 and < 300).Sum(s => (long)s.Value));

    /// <summary>The per-endpoint table: requests, rate, p50/p95/p99 (ms), answers that were not 2xx, errors (no answer).</summary>
    public string Table(double elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine("| endpoint | requests | requests/s | p50 ms | p95 ms | p99 ms | max ms | not 2xx | errors (no answer) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, e) in _endpoints.OrderByDescending(p => p.Value.Latencies.Count))
        {
            double[] sorted;
            lock (e.Latencies)
            {
                sorted = [.. e.Latencies.Order()];
            }

            var non2xx = e.Statuses.Where(s => s.Key is < 200 or >= 300).ToList();
            var refusals = non2xx.Count == 0 ? "0" : $"{non2xx.Sum(s => s.Value)} ({string.Join(", ", non2xx.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))})";
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {sorted.Length} | {sorted.Length / elapsed:F1} | {Pct(sorted, 50):F1} | {Pct(sorted, 95):F1} | {Pct(sorted, 99):F1} | {(sorted.Length == 0 ? 0 : sorted[^1]):F0} | {refusals} | {e.Errors} |"));
        }

        double[] all = [.. _endpoints.Values.SelectMany(e => { lock (e.Latencies) { return e.Latencies.ToArray(); } }).Order()];
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| **all** | {all.Length} | {all.Length / elapsed:F1} | {Pct(all, 50):F1} | {Pct(all, 95):F1} | {Pct(all, 99):F1} | {(all.Length == 0 ? 0 : all[^1]):F0} | {_endpoints.Values.Sum(e => e.Statuses.Where(s => s.Key is < 200 or >= 300).Sum(s => s.Value))} | {_endpoints.Values.Sum(e => e.Errors)} |"));
        return text.ToString();
    }

    /// <summary>The p99 of each endpoint, for the goal's verdict.</summary>
    public IEnumerable<(string Endpoint, double P99)> P99s() => _endpoints.Select(p =>
    {
        double[] sorted;
        lock (p.Value.Latencies)
        {
            sorted = [.. p.Value.Latencies.Order()];
        }

        return (p.Key, Pct(sorted, 99));
    });

    private static double Pct(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p / 100 * sorted.Length))];

    /// <summary>Seconds around the kill: what came back each second, and each failure after it.</summary>
    public string AroundKill(double killedAt)
    {
        var text = new StringBuilder();
        var k = (int)killedAt;
        text.AppendLine("| second of the run | 2xx | 4xx | failed (5xx or no answer) |");
        text.AppendLine("|---:|---:|---:|---:|");
        for (var s = Math.Max(0, k - 3); s < Math.Min(_ok.Length, k + 12); s++)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {s}{(s == k ? " (kill)" : "")} | {_ok[s]} | {_refused[s]} | {_failed[s]} |"));
        }

        return text.ToString();
    }

    public IReadOnlyList<(double At, string Endpoint, string What)> FailuresAfter(double from) => [.. _failures.Where(f => f.At >= from).OrderBy(f => f.At)];

    public IReadOnlyList<(double At, string Endpoint, string What)> FailuresBefore(double until) => [.. _failures.Where(f => f.At < until).OrderBy(f => f.At)];
}
