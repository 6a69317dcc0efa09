using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HiTech.Web.Infrastructure.Jobs;

/// <summary>The scheduler's instruments (meter "HiTech.Jobs", on /metrics) and its trace source: a span per run.</summary>
public sealed class JobMetrics
{
    public const string MeterName = "HiTech.Jobs";

    public static readonly ActivitySource Source = new(MeterName);

    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;

    public JobMetrics(IMeterFactory meters, JobStatus status)
    {
        var meter = meters.Create(MeterName);
        _runs = meter.CreateCounter<long>("hitech.jobs.runs", "{run}", "Job runs finished on this node, by job and outcome (ok, failed).");
        _duration = meter.CreateHistogram<double>("hitech.jobs.duration", "s", "How long each job run took on this node.");
        meter.CreateObservableGauge("hitech.jobs.queue_length", () => status.QueueLengths(), "{item}", "Items waiting for each job (e.g. unsent e-mails), as of the last poll.");
        meter.CreateObservableGauge("hitech.jobs.consecutive_failures", () => status.Failures(), "{run}", "Failed runs in a row of each job, cluster-wide, as of the last poll.");
        meter.CreateObservableGauge("hitech.jobs.seconds_since_poll", () => status.SecondsSincePoll(), "s", "Time since this node's scheduler last read the jobs table.");
    }

    public void Finished(string job, bool ok, TimeSpan took)
    {
        var tags = new TagList { { "job", job }, { "outcome", ok ? "ok" : "failed" } };
        _runs.Add(1, tags);
        _duration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("job", job));
    }
}
