namespace HiTech.Core.Analytics;

/// <summary>
/// A 0-100 score distribution as published (say one DMA dimension): how many reported it and their mean, and the
/// count in each band of 20 points, each passed through disclosure control.
/// </summary>
/// <remarks>
/// Mean is null when fewer than min_frequency enterprises reported (then everything is hidden). Reporting is null when
/// the count is hidden, also when it is hidden only so that the hidden bands cannot be bounded from it (the mean, over
/// at least min_frequency enterprises, is still shown). A band's count is null when hidden; BandVerdicts says why.
/// </remarks>
public sealed record DisclosedDistribution(
    string Id,
    int? Reporting,
    double? Mean,
    IReadOnlyList<int?> Bands,
    IReadOnlyList<CellDisclosure> BandVerdicts,
    CellDisclosure Verdict);

/// <summary>
/// Disclosure control of a score distribution: the bands are a one-way table of enterprise counts whose total is the
/// number reporting (<see cref="DisclosureControl.Apply(GroupTable, DisclosureRules)"/>: minimum frequency, then
/// secondary suppression so no hidden band can be worked out from the total and the others). Scores are neither money
/// nor headcount, so the p% rule does not apply; the mean passes the minimum frequency on the number reporting.
/// </summary>
public static class DistributionDisclosure
{
    public static DisclosedDistribution Apply(string id, ScoreDistribution distribution, DisclosureRules rules)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(rules);
        var table = Table(distribution);
        return Published(id, distribution, DisclosureControl.Apply(table, rules), meanHidden: false);
    }

    /// <summary>
    /// A distribution whose verdicts were reached elsewhere (under a filter, by a <see cref="FilterCube"/> of every
    /// filter combination): the bands' and the number reporting, and whether the mean must be hidden too.
    /// </summary>
    public static DisclosedDistribution Of(string id, ScoreDistribution distribution, IReadOnlyList<CellDisclosure> bands, CellDisclosure reporting, bool meanHidden)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return Published(id, distribution, new DisclosedTable(Table(distribution), bands, reporting), meanHidden);
    }

    private static GroupTable Table(ScoreDistribution distribution) => new(
        GroupDimension.State,
        [.. distribution.Bands.Select((n, b) => GroupTotals.Empty(BandKey(b)) with { Enterprises = n })],
        GroupTotals.Empty(GroupTotals.AllGroup) with { Enterprises = distribution.Reporting });

    private static DisclosedDistribution Published(string id, ScoreDistribution distribution, DisclosedTable disclosed, bool meanHidden)
    {
        // A sensitive total (1 to min_frequency - 1 reporting) hides everything, a zero band included.
        var nothing = disclosed.Total.Rule == SuppressionRule.MinFrequency;
        var verdicts = disclosed.Groups.Select(v => nothing ? disclosed.Total : v).ToList();
        return new DisclosedDistribution(
            id,
            disclosed.Total.Published ? distribution.Reporting : null,
            nothing || meanHidden ? null : distribution.Mean,
            [.. distribution.Bands.Select((n, i) => verdicts[i].Published ? n : (int?)null)],
            verdicts,
            disclosed.Total);
    }

    /// <summary>A band's key: its lower and upper bound, "0-20" to "80-100".</summary>
    public static string BandKey(int band) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{band * ScoreDistribution.BandWidth}-{(band + 1) * ScoreDistribution.BandWidth}");
}
