namespace HiTech.Core.Analytics;

/// <summary>
/// One measure over a group: the sum, the largest and second-largest single contributions (what the p% dominance
/// rule needs) and how many enterprises reported it. In SQL: <c>sum(x)</c>, the top two of <c>max(x, 2)</c>,
/// <c>count(x)</c>.
/// </summary>
public readonly record struct MeasureTotals(decimal Sum, decimal Largest, decimal SecondLargest, int Reporting)
{
    public static MeasureTotals Empty => default;

    /// <summary>These totals with one more contribution.</summary>
    public MeasureTotals Add(decimal value) => value >= Largest
        ? new(Sum + value, value, Reporting == 0 ? 0 : Largest, Reporting + 1)
        : new(Sum + value, Largest, Math.Max(SecondLargest, value), Reporting + 1);

    /// <summary>The totals of two disjoint groups together.</summary>
    public MeasureTotals Merge(MeasureTotals other)
    {
        Span<decimal> top = [Largest, SecondLargest, other.Largest, other.SecondLargest];
        top.Sort();
        return new(Sum + other.Sum, top[3], top[2], Reporting + other.Reporting);
    }
}
