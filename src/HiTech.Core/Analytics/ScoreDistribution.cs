using System.Collections.Immutable;

namespace HiTech.Core.Analytics;

/// <summary>
/// A 0-100 score over a group: its sum and how many reported it (for the mean), and how many fell in each band
/// of 20 points (0-20, 20-40, 40-60, 60-80, 80-100; a score on a boundary goes to the upper band, 100 to the last).
/// </summary>
public sealed record ScoreDistribution(double Sum, int Reporting, ImmutableArray<int> Bands)
{
    public const int BandCount = 5;

    public const double BandWidth = 20;

    public static ScoreDistribution Empty { get; } = new(0, 0, [.. new int[BandCount]]);

    public double? Mean => Reporting == 0 ? null : Sum / Reporting;

    public static int BandOf(double score) => Math.Clamp((int)Math.Floor(score / BandWidth), 0, BandCount - 1);

    public ScoreDistribution Add(double score) => new(Sum + score, Reporting + 1, Bands.SetItem(BandOf(score), Bands[BandOf(score)] + 1));

    public ScoreDistribution Merge(ScoreDistribution other) =>
        new(Sum + other.Sum, Reporting + other.Reporting, [.. Bands.Select((b, i) => b + other.Bands[i])]);
}
