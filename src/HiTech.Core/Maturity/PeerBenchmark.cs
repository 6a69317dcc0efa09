using System.Collections.Immutable;
using HiTech.Core.Reference;

namespace HiTech.Core.Maturity;

/// <summary>
/// One peer's latest result: overall and dimension scores, with what groups it. <see cref="NicDivision"/> is the
/// 2-digit NIC division; <see cref="District"/> the canonical district name (compared ignoring case). Null fields
/// never match, so such a peer counts only in the wider groups.
/// </summary>
public sealed record PeerRecord(int Overall, IReadOnlyDictionary<string, int> Dimensions, string? NicDivision, MsmeSize? Size, string? District);

/// <summary>What places the firm among its peers: NIC division, size class and district.</summary>
public sealed record PeerFirm(string? NicDivision, MsmeSize? Size, string? District);

/// <summary>The peer groups tried, narrowest first.</summary>
public enum PeerGroupLevel
{
    /// <summary>Same NIC division, size class and district.</summary>
    DivisionSizeDistrict,

    /// <summary>Same NIC division and size class, anywhere in Kerala.</summary>
    DivisionSize,

    /// <summary>Same NIC division.</summary>
    Division,

    /// <summary>Every peer.</summary>
    All,
}

/// <summary>
/// Where a score stands in the group: <see cref="Percentile"/> = 100 × (peers below + half the peers level) / peers,
/// rounded half away from zero; <see cref="Median"/> of the peers' scores (the mean of the middle two for an even count).
/// </summary>
public sealed record PeerStanding(int Score, int Percentile, double Median, int Peers);

/// <summary>One group tried and its size, so a page can say why a narrower group was not used.</summary>
public sealed record PeerGroupTried(PeerGroupLevel Level, int Size);

/// <summary>
/// A peer benchmark. When <see cref="Shown"/> is false no group had the minimum number of firms and nothing may be
/// shown. Otherwise <see cref="Level"/> names the group used and <see cref="GroupSize"/> its size (never below
/// <see cref="Minimum"/>). A dimension appears in <see cref="Dimensions"/> only when at least <see cref="Minimum"/>
/// peers of the group have a score for it.
/// </summary>
public sealed record PeerBenchmarkResult(
    bool Shown,
    PeerGroupLevel? Level,
    int GroupSize,
    int Minimum,
    PeerStanding? Overall,
    ImmutableDictionary<string, PeerStanding> Dimensions,
    ImmutableArray<PeerGroupTried> Tried);

public static class PeerBenchmark
{
    /// <summary>
    /// Benchmarks a firm's result against its peers: the same NIC division, size and district when that group has at
    /// least <paramref name="minimum"/> firms; otherwise division and size; then division; then all peers. When even all
    /// peers are fewer than the minimum, no benchmark is shown. Peers should not include the firm itself.
    /// </summary>
    public static PeerBenchmarkResult Compute(MaturityResult score, IReadOnlyList<PeerRecord> peers, PeerFirm firm, int minimum)
    {
        ArgumentNullException.ThrowIfNull(score);
        var dimensions = score.Dimensions.Where(d => d.Score.HasValue).ToDictionary(d => d.DimensionId, d => d.Score!.Value, StringComparer.Ordinal);
        return Compute(score.Overall, dimensions, peers, firm, minimum);
    }

    /// <summary>The same, from plain scores (<paramref name="overall"/> null: only the dimensions are placed).</summary>
    public static PeerBenchmarkResult Compute(int? overall, IReadOnlyDictionary<string, int> dimensions, IReadOnlyList<PeerRecord> peers, PeerFirm firm, int minimum)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(peers);
        ArgumentNullException.ThrowIfNull(firm);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 1);
        var tried = ImmutableArray.CreateBuilder<PeerGroupTried>();
        foreach (var level in Enum.GetValues<PeerGroupLevel>())
        {
            var group = peers.Where(p => InGroup(p, firm, level)).ToList();
            tried.Add(new PeerGroupTried(level, group.Count));
            if (group.Count < minimum)
            {
                continue;
            }

            var standings = ImmutableDictionary.CreateBuilder<string, PeerStanding>(StringComparer.Ordinal);
            foreach (var (id, value) in dimensions.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                var scores = group.Where(p => p.Dimensions.ContainsKey(id)).Select(p => p.Dimensions[id]).ToList();
                if (scores.Count >= minimum)
                {
                    standings[id] = Standing(value, scores);
                }
            }

            return new PeerBenchmarkResult(true, level, group.Count, minimum, overall is { } o ? Standing(o, [.. group.Select(p => p.Overall)]) : null, standings.ToImmutable(), tried.ToImmutable());
        }

        return new PeerBenchmarkResult(false, null, 0, minimum, null, ImmutableDictionary<string, PeerStanding>.Empty, tried.ToImmutable());
    }

    /// <summary>Whether a peer belongs to the firm's group at a level: every field the level compares must be known and equal.</summary>
    public static bool InGroup(PeerRecord peer, PeerFirm firm, PeerGroupLevel level)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(firm);
        var division = firm.NicDivision is not null && string.Equals(peer.NicDivision, firm.NicDivision, StringComparison.Ordinal);
        var size = firm.Size is not null && peer.Size == firm.Size;
        var district = firm.District is not null && string.Equals(peer.District, firm.District, StringComparison.OrdinalIgnoreCase);
        return level switch
        {
            PeerGroupLevel.DivisionSizeDistrict => division && size && district,
            PeerGroupLevel.DivisionSize => division && size,
            PeerGroupLevel.Division => division,
            _ => true,
        };
    }

    private static PeerStanding Standing(int score, List<int> scores)
    {
        scores.Sort();
        var below = scores.Count(s => s < score);
        var level = scores.Count(s => s == score);
        var n = scores.Count;

        // 100 × (below + level / 2) / n, rounded half away from zero, in whole numbers.
        var percentile = (int)(((100L * ((2 * below) + level)) + n) / (2L * n));
        var median = n % 2 == 1 ? scores[n / 2] : (scores[(n / 2) - 1] + scores[n / 2]) / 2.0;
        return new PeerStanding(score, percentile, median, n);
    }
}
