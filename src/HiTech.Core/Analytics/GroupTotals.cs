namespace HiTech.Core.Analytics;

/// <summary>
/// Everything the indicators and the disclosure rules need of one group of enterprises, computed in memory
/// (<see cref="GroupAccumulator"/>) or by SQL over <c>enterprise_facts</c>: counts, each measure's
/// <see cref="MeasureTotals"/>, the digital maturity distributions and the certifications held.
/// </summary>
/// <remarks>
/// Group is the group's key (a district id, a division, a tier id...), or <see cref="AllGroup"/> for a table's
/// total. Measures are keyed by the ids of <see cref="Analytics.Measures"/> (a measure nobody reported may be
/// absent); DmaDimensions by DMA dimension id.
/// </remarks>
public sealed record GroupTotals(
    string Group,
    int Enterprises,
    int HiTechEnterprises,
    IReadOnlyDictionary<string, int> EnterprisesByTier,
    IReadOnlyDictionary<string, int> EnterprisesByStatus,
    IReadOnlyDictionary<string, MeasureTotals> Measures,
    ScoreDistribution DigitalMaturity,
    IReadOnlyDictionary<string, ScoreDistribution> DmaDimensions,
    int Certifications)
{
    /// <summary>The key of a table's total row.</summary>
    public const string AllGroup = "all";

    /// <summary>A measure's totals; empty when nobody in the group reported it.</summary>
    public MeasureTotals Measure(string id) => Measures.TryGetValue(id, out var totals) ? totals : MeasureTotals.Empty;

    public static GroupTotals Empty(string group) => new(
        group, 0, 0, new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, MeasureTotals>(),
        ScoreDistribution.Empty, new Dictionary<string, ScoreDistribution>(), 0);

    /// <summary>Two disjoint groups of enterprises together, under this one's key (largest and second-largest contributions as the top two of both).</summary>
    public GroupTotals Merge(GroupTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new GroupTotals(
            Group,
            Enterprises + other.Enterprises,
            HiTechEnterprises + other.HiTechEnterprises,
            Add(EnterprisesByTier, other.EnterprisesByTier, (x, y) => x + y),
            Add(EnterprisesByStatus, other.EnterprisesByStatus, (x, y) => x + y),
            Add(Measures, other.Measures, (x, y) => x.Merge(y)),
            DigitalMaturity.Merge(other.DigitalMaturity),
            Add(DmaDimensions, other.DmaDimensions, (x, y) => x.Merge(y)),
            Certifications + other.Certifications);
    }

    private static Dictionary<string, T> Add<T>(IReadOnlyDictionary<string, T> x, IReadOnlyDictionary<string, T> y, Func<T, T, T> merge)
    {
        var sum = new Dictionary<string, T>(x, StringComparer.Ordinal);
        foreach (var (key, value) in y)
        {
            sum[key] = sum.TryGetValue(key, out var so) ? merge(so, value) : value;
        }

        return sum;
    }
}
