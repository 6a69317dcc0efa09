namespace HiTech.Core.Collaboration;

/// <summary>A linear ramp over days: full points at or below <see cref="FullDays"/>, none at or above <see cref="ZeroDays"/>, <see cref="Unknown"/> of them when unknown.</summary>
public sealed record DayRamp(double Points, double FullDays, double ZeroDays, double Unknown)
{
    /// <summary>The points for a number of days (null: unknown).</summary>
    public double For(double? days) => days switch
    {
        null => Points * Unknown,
        { } d when d <= FullDays => Points,
        { } d when d >= ZeroDays => 0,
        { } d => Points * ((ZeroDays - d) / (ZeroDays - FullDays)),
    };
}

/// <summary>
/// The points of each part of a match (data/collaboration/matching/VERSION.yaml, read by <see cref="MatchingWeightsLoader"/>),
/// versioned like a framework so that every matches file says which weights produced it.
/// </summary>
public sealed record MatchingWeights
{
    public required string Id { get; init; }

    public required string Version { get; init; }

    public required DateOnly Effective { get; init; }

    public required double NicSubclass { get; init; }

    public required double NicClass { get; init; }

    public required double NicGroup { get; init; }

    public required double NicDivision { get; init; }

    public required double Stage { get; init; }

    public required double SameDistrict { get; init; }

    public required double NeighbouringDistrict { get; init; }

    public required double ElsewhereInKerala { get; init; }

    public required double OutsideKerala { get; init; }

    public required double Remote { get; init; }

    public required double Text { get; init; }

    public required DayRamp Responsiveness { get; init; }

    public required DayRamp Freshness { get; init; }

    /// <summary>The points of a NIC match whose codes share <paramref name="digits"/> leading digits (2 division ... 5 sub-class).</summary>
    public double Nic(int digits) => digits switch
    {
        >= 5 => NicSubclass,
        4 => NicClass,
        3 => NicGroup,
        2 => NicDivision,
        _ => 0,
    };

    /// <summary>The most a match can score.</summary>
    public double Maximum => NicSubclass + Stage + Math.Max(SameDistrict, Remote) + Text + Responsiveness.Points + Freshness.Points;
}
