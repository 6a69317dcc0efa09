namespace HiTech.Core.Analytics;

/// <summary>Adds enterprises' facts into one group's <see cref="GroupTotals"/>; not thread-safe (one per thread, then <see cref="Merge"/>).</summary>
public sealed class GroupAccumulator(string group)
{
    private readonly Dictionary<string, int> _byTier = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byStatus = new(StringComparer.Ordinal);
    private readonly MeasureTotals[] _measures = new MeasureTotals[Measures.All.Count];
    private readonly Dictionary<string, ScoreDistribution> _dimensions = new(StringComparer.Ordinal);
    private ScoreDistribution _maturity = ScoreDistribution.Empty;
    private int _enterprises;
    private int _hiTech;
    private int _certifications;

    public string Group { get; } = group;

    public void Add(EnterpriseFacts facts)
    {
        _enterprises++;
        _hiTech += facts.HiTech ? 1 : 0;
        _certifications += facts.Certifications;
        _byTier[facts.TierId] = _byTier.GetValueOrDefault(facts.TierId) + 1;
        _byStatus[facts.Status] = _byStatus.GetValueOrDefault(facts.Status) + 1;
        for (var m = 0; m < _measures.Length; m++)
        {
            if (Measures.Of(facts, Measures.All[m]) is { } value)
            {
                _measures[m] = _measures[m].Add(value);
            }
        }

        if (facts.DigitalMaturity is { } maturity)
        {
            _maturity = _maturity.Add(maturity);
        }

        foreach (var (dimension, score) in facts.DmaDimensions ?? new Dictionary<string, double>())
        {
            _dimensions[dimension] = _dimensions.GetValueOrDefault(dimension, ScoreDistribution.Empty).Add(score);
        }
    }

    /// <summary>Adds another accumulator's enterprises (of a disjoint set) to this one.</summary>
    public void Merge(GroupAccumulator other)
    {
        _enterprises += other._enterprises;
        _hiTech += other._hiTech;
        _certifications += other._certifications;
        foreach (var (tier, count) in other._byTier)
        {
            _byTier[tier] = _byTier.GetValueOrDefault(tier) + count;
        }

        foreach (var (status, count) in other._byStatus)
        {
            _byStatus[status] = _byStatus.GetValueOrDefault(status) + count;
        }

        for (var m = 0; m < _measures.Length; m++)
        {
            _measures[m] = _measures[m].Merge(other._measures[m]);
        }

        _maturity = _maturity.Merge(other._maturity);
        foreach (var (dimension, distribution) in other._dimensions)
        {
            _dimensions[dimension] = _dimensions.GetValueOrDefault(dimension, ScoreDistribution.Empty).Merge(distribution);
        }
    }

    public GroupTotals ToTotals() => new(
        Group,
        _enterprises,
        _hiTech,
        new Dictionary<string, int>(_byTier, StringComparer.Ordinal),
        new Dictionary<string, int>(_byStatus, StringComparer.Ordinal),
        Measures.All.Select((id, m) => (id, totals: _measures[m])).Where(x => x.totals.Reporting > 0).ToDictionary(x => x.id, x => x.totals, StringComparer.Ordinal),
        _maturity,
        new Dictionary<string, ScoreDistribution>(_dimensions, StringComparer.Ordinal),
        _certifications);
}
