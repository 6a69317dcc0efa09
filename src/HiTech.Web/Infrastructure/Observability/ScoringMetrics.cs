using System.Diagnostics.Metrics;

namespace HiTech.Web.Infrastructure.Observability;

/// <summary>The web's scoring path (meter "HiTech.Web.Scoring"): how many enterprises it scored, and how long each took.</summary>
public sealed class ScoringMetrics
{
    public const string MeterName = "HiTech.Web.Scoring";

    private readonly Counter<long> _scored;
    private readonly Histogram<double> _duration;

    public ScoringMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _scored = meter.CreateCounter<long>("hitech.scoring.enterprises", "{enterprise}", "Enterprises scored and explained, by outcome (scored, refused: inputs not acceptable).");
        _duration = meter.CreateHistogram<double>("hitech.scoring.duration", "s", "Time to score and explain one enterprise.");
    }

    public void Scored(bool accepted, TimeSpan took)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", accepted ? "scored" : "refused");
        _scored.Add(1, outcome);
        _duration.Record(took.TotalSeconds, outcome);
    }
}
