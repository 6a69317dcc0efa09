using HiTech.Core.Analytics;
using static HiTech.Core.Tests.Analytics.AnalyticsFacts;

namespace HiTech.Core.Tests.Analytics;

/// <summary>Digital maturity per DMA dimension, and tables of counts with the parties behind them, under disclosure control.</summary>
public class DimensionAndCountDisclosureTests
{
    private static readonly DisclosureRules Rules = new(5, 10m, "test");

    /// <summary>
    /// Seven enterprises with data_management scores 10, 35, 45, 50, 55, 58 and 90 (mean 343 / 7 = 49); E7 has no
    /// maturity assessment. Bands by hand: 0-20: 1, 20-40: 1, 40-60: 4, 60-80: 0, 80-100: 1. green_digitalisation is
    /// scored by three of them only (40, 60, 80).
    /// </summary>
    private static IReadOnlyList<EnterpriseFacts> SevenWithDimensions()
    {
        double[] data = [10, 35, 45, 50, 55, 58, 90];
        var facts = FiveEnterprises.Concat([Fact("E6", "kollam"), Fact("E7", "kollam"), Fact("E8", "kollam")]).ToList();
        return [.. facts.Select((f, i) => f.EnterpriseId == "E7"
            ? f
            : f with
            {
                DmaDimensions = i < 3
                    ? new Dictionary<string, double> { ["data_management"] = data[i], ["green_digitalisation"] = 40 + (20 * i) }
                    : new Dictionary<string, double> { ["data_management"] = data[i > 6 ? 6 : i] },
            })];
    }

    [Fact]
    public void Each_dimension_has_its_hand_computed_mean_and_bands()
    {
        var state = GroupTableBuilder.Tally(SevenWithDimensions(), GroupDimension.State).Total;

        var data = state.DmaDimensions["data_management"];
        Assert.Equal(7, data.Reporting);
        Assert.Equal(49, data.Mean!.Value, precision: 9);
        Assert.Equal([1, 1, 4, 0, 1], data.Bands);
        var green = state.DmaDimensions["green_digitalisation"];
        Assert.Equal((3, 60.0), (green.Reporting, green.Mean!.Value));
        Assert.Equal([0, 0, 1, 1, 1], green.Bands);
        Assert.Equal(49, IndicatorValues.Of(state).DmaDimensionMeans["data_management"]!.Value, precision: 9);
    }

    [Fact]
    public void A_dimension_publishes_its_mean_and_hides_the_count_that_would_bound_its_small_bands()
    {
        var data = DistributionDisclosure.Apply("data_management", GroupTableBuilder.Tally(SevenWithDimensions(), GroupDimension.State).Total.DmaDimensions["data_management"], Rules);

        // 1, 1, 4 and 1 are below 5: hidden; 0 identifies nobody and is shown. With 7 reporting published, each hidden
        // band would be known to be at most 7 - 3 = 4: so the count reporting is hidden too, and the mean (of 7) stays.
        Assert.Equal(49, data.Mean!.Value, precision: 9);
        Assert.Null(data.Reporting);
        Assert.Equal(SuppressionRule.Secondary, data.Verdict.Rule);
        Assert.Equal([null, null, null, 0, null], data.Bands);
        Assert.Equal(SuppressionRule.MinFrequency, data.BandVerdicts[0].Rule);
        Assert.Equal(SuppressionRule.Published, data.BandVerdicts[3].Rule);
    }

    [Fact]
    public void A_dimension_scored_by_fewer_than_five_shows_nothing_not_even_its_mean()
    {
        var green = DistributionDisclosure.Apply("green_digitalisation", GroupTableBuilder.Tally(SevenWithDimensions(), GroupDimension.State).Total.DmaDimensions["green_digitalisation"], Rules);

        Assert.Null(green.Reporting);
        Assert.Null(green.Mean);
        Assert.All(green.Bands, b => Assert.Null(b));
        Assert.Equal(SuppressionRule.MinFrequency, green.Verdict.Rule);
        Assert.All(green.BandVerdicts, v => Assert.False(v.Published));
    }

    [Fact]
    public void A_single_small_band_beside_the_total_is_protected_by_a_second_hidden_band()
    {
        // 12 reporting: 0, 0, 2, 5, 5. The 2 alone would be the total less the rest: one more band is hidden.
        var distribution = new ScoreDistribution(700, 12, [0, 0, 2, 5, 5]);

        var shown = DistributionDisclosure.Apply("automation_ai", distribution, Rules);

        Assert.Equal(12, shown.Reporting);
        Assert.Null(shown.Bands[2]);
        Assert.Equal(1, shown.Bands.Count(b => b is null) - 1);
        Assert.Contains(shown.BandVerdicts, v => v.Rule == SuppressionRule.Secondary);
        var published = shown.Bands.Where(b => b is not null).Sum(b => b!.Value);
        Assert.True(12 - published - 1 >= Rules.MinFrequency, "the hidden band of 2 can be as large as 5, so it is not pinned down");
    }

    [Fact]
    public void A_count_made_by_one_firm_is_hidden_however_large()
    {
        // Ernakulam: 9 needs, all from one firm; Kollam 6 from 6 firms; Thrissur 7 from 5 firms. Total 22 from 12 firms.
        var counts = CountDisclosure.Apply(
            [new CountCell("ernakulam", 9, 1), new CountCell("kollam", 6, 6), new CountCell("thrissur", 7, 5)],
            new CountCell("all", 22, 12),
            Rules);

        Assert.Null(counts.Cell("ernakulam")!.Count);
        Assert.Equal(SuppressionRule.MinFrequency, counts.Cell("ernakulam")!.Verdict.Rule);
        // Ernakulam = 22 - 6 - 7 if both others were shown: one of them is hidden as well.
        Assert.Equal(1, new[] { counts.Cell("kollam")!.Count, counts.Cell("thrissur")!.Count }.Count(c => c is null));
        Assert.Equal(22, counts.Total.Count);
    }

    [Fact]
    public void A_grid_of_counts_hides_small_cells_and_keeps_them_from_the_margins()
    {
        string[] rows = ["contract-rnd", "testing-service"];
        string[] columns = ["active", "completed"];
        int[,] n = { { 6, 2 }, { 7, 8 } };
        var grid = CountDisclosure.Apply(
            rows,
            columns,
            (r, c) => new CountCell($"{r}|{c}", n[Array.IndexOf(rows, r), Array.IndexOf(columns, c)], n[Array.IndexOf(rows, r), Array.IndexOf(columns, c)]),
            r => new CountCell(r, n[Array.IndexOf(rows, r), 0] + n[Array.IndexOf(rows, r), 1], n[Array.IndexOf(rows, r), 0] + n[Array.IndexOf(rows, r), 1]),
            c => new CountCell(c, n[0, Array.IndexOf(columns, c)] + n[1, Array.IndexOf(columns, c)], n[0, Array.IndexOf(columns, c)] + n[1, Array.IndexOf(columns, c)]),
            new CountCell("all", 23, 23),
            Rules);

        Assert.Null(grid.Cells[0][1].Count);
        // The 2 could otherwise be read as its row's total less the 6, or its column's less the 8.
        Assert.True(grid.RowTotals[0].Count is null || grid.Cells[0][0].Count is null);
        Assert.True(grid.ColumnTotals[1].Count is null || grid.Cells[1][1].Count is null);
    }
}
