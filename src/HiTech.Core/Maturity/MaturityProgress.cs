using System.Collections.Immutable;

namespace HiTech.Core.Maturity;

/// <summary>How a band moved between two assessments.</summary>
public enum BandChange
{
    /// <summary>One of the two has no band (no score yet).</summary>
    Unknown,
    Down,
    Same,
    Up,
}

/// <summary>One dimension (or the overall score) from one assessment to the next: the scores, the change and the bands.</summary>
public sealed record ScoreChange(string Id, int? Previous, int? Current, int? Change, string? PreviousBand, string? CurrentBand, BandChange BandChange);

/// <summary>
/// Progress from one assessment to the next (T0 → T1, T1 → T2 in the DMA's terms), dimension by dimension.
/// <see cref="SameInstrument"/> is false when the two were scored with different instrument versions: compare with care.
/// </summary>
public sealed record MaturityProgressReport(
    string PreviousInstrument,
    string CurrentInstrument,
    bool SameInstrument,
    ScoreChange Overall,
    ImmutableArray<ScoreChange> Dimensions);

public static class MaturityProgress
{
    /// <summary>The id <see cref="MaturityProgressReport.Overall"/> carries.</summary>
    public const string OverallId = "overall";

    /// <summary>
    /// Compares two results of the same firm. Dimensions are listed in the current result's order, then any the previous
    /// result had that the current one lacks. Bands are compared by their position in <paramref name="instrument"/>'s
    /// band list when given (lowest first), else by the bands' minimum scores.
    /// </summary>
    public static MaturityProgressReport Compare(MaturityResult previous, MaturityResult current, MaturityInstrument? instrument = null)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var before = previous.Dimensions.ToDictionary(d => d.DimensionId, StringComparer.Ordinal);
        var now = current.Dimensions.ToDictionary(d => d.DimensionId, StringComparer.Ordinal);
        var ids = current.Dimensions.Select(d => d.DimensionId).Concat(previous.Dimensions.Select(d => d.DimensionId).Where(id => !now.ContainsKey(id)));
        var dimensions = ids.Select(id => Change(
            id,
            before.TryGetValue(id, out var b) ? b.Score : null,
            now.TryGetValue(id, out var c) ? c.Score : null,
            b?.Band,
            c?.Band,
            instrument));
        return new MaturityProgressReport(
            $"{previous.InstrumentId}/{previous.InstrumentVersion}",
            $"{current.InstrumentId}/{current.InstrumentVersion}",
            previous.InstrumentId == current.InstrumentId && previous.InstrumentVersion == current.InstrumentVersion,
            Change(OverallId, previous.Overall, current.Overall, previous.Band, current.Band, instrument),
            [.. dimensions]);
    }

    private static ScoreChange Change(string id, int? previous, int? current, MaturityBand? previousBand, MaturityBand? currentBand, MaturityInstrument? instrument)
    {
        var bandChange = BandChange.Unknown;
        if (previousBand is not null && currentBand is not null)
        {
            var (from, to) = (instrument?.Scoring.BandIndex(previousBand.Id) ?? -1, instrument?.Scoring.BandIndex(currentBand.Id) ?? -1);
            var order = from >= 0 && to >= 0 ? to.CompareTo(from) : currentBand.Min.CompareTo(previousBand.Min);
            bandChange = order > 0 ? BandChange.Up : order < 0 ? BandChange.Down : BandChange.Same;
        }

        return new ScoreChange(id, previous, current, previous is { } p && current is { } c ? c - p : null, previousBand?.Id, currentBand?.Id, bandChange);
    }
}
