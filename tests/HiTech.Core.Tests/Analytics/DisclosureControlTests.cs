using CsCheck;
using HiTech.Core.Analytics;
using HiTech.Core.Reference;
using static HiTech.Core.Tests.Analytics.AnalyticsFacts;

namespace HiTech.Core.Tests.Analytics;

public class DisclosureControlTests
{
    private static readonly DisclosureRules Rules = new(5, 10m, "test");

    /// <summary>A group of <paramref name="count"/> enterprises, each with the value added given (none when empty).</summary>
    private static GroupTotals Group(string key, int count, params decimal[] valueAdded)
    {
        var group = new GroupAccumulator(key);
        for (var i = 0; i < count; i++)
        {
            group.Add(Fact($"{key}-{i}", va: i < valueAdded.Length ? valueAdded[i] : null));
        }

        return group.ToTotals();
    }

    private static GroupTable OneWay(params GroupTotals[] groups)
    {
        var all = new List<GroupTotals>(groups);
        var merged = groups.Aggregate(GroupTotals.Empty(GroupTotals.AllGroup), (sum, g) => Sum(sum, g));
        return new GroupTable(GroupDimension.District, all, merged);
    }

    private static GroupTotals Sum(GroupTotals a, GroupTotals b) => new(
        GroupTotals.AllGroup,
        a.Enterprises + b.Enterprises,
        a.HiTechEnterprises + b.HiTechEnterprises,
        a.EnterprisesByTier,
        a.EnterprisesByStatus,
        Measures.All.ToDictionary(m => m, m => a.Measure(m).Merge(b.Measure(m))),
        a.DigitalMaturity.Merge(b.DigitalMaturity),
        a.DmaDimensions,
        a.Certifications + b.Certifications);

    [Fact]
    public void The_shipped_rules_are_five_enterprises_and_p_ten_with_their_source()
    {
        var rules = DisclosureRules.LoadFromDirectory(Reference.TestReference.DataDirectory);

        Assert.Equal(5, rules.MinFrequency);
        Assert.Equal(10m, rules.PPercent);
        Assert.Contains("Handbook on Statistical Disclosure Control", rules.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("source: x\nmin_frequency: 5\np_percent: 0\n", "line 3, field 'p_percent': '0' is not a percentage above 0 and at most 100")]
    [InlineData("source: x\nmin_frequency: five\np_percent: 10\n", "line 2, field 'min_frequency': 'five' is not a whole number of enterprises of 1 or more")]
    [InlineData("min_frequency: 5\np_percent: 10\n", "field 'source': is missing")]
    [InlineData("source: x\nmin_frequency: 5\np_percent: 10\nk_percent: 90\n", "line 4, field 'k_percent': is not a disclosure setting")]
    [InlineData("source: ''\nmin_frequency: 5\np_percent: 10\n", "line 1, field 'source': must cite where the parameters come from")]
    public void Bad_rules_are_refused_naming_the_line_and_the_rule(string yaml, string expected)
    {
        var error = Assert.Throws<ReferenceDataException>(() => DisclosureRules.Load(new StringReader(yaml), "disclosure.yaml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("disclosure.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Primary_rules_find_few_enterprises_and_one_dominant_enterprise()
    {
        Assert.Equal(SuppressionRule.MinFrequency, DisclosureControl.Primary(Group("a", 3), Rules).Rule);
        Assert.Equal(SuppressionRule.Published, DisclosureControl.Primary(Group("b", 0), Rules).Rule);

        // 1,050 in all: minus the two largest leaves 40, less than 10 % of 1,000.
        var dominated = DisclosureControl.Primary(Group("c", 6, 1000, 10, 10, 10, 10, 10), Rules);
        Assert.Equal(new CellDisclosure(SuppressionRule.Dominance, Measures.ValueAdded), dominated);
        Assert.Equal("dominance", dominated.RuleName);

        // 1,000 + 900 + 100: the rest is exactly 10 % of the largest, which is enough.
        Assert.True(DisclosureControl.Primary(Group("d", 5, 1000, 900, 50, 50), Rules).Published);
    }

    [Fact]
    public void The_documented_leak_of_501_beside_497_cannot_happen()
    {
        // Two small cells (1 and 3) beside 200, 150 and 147: hiding only the two leaves 501 - 497 = 4 for both, so
        // each is known to be 1 to 3. A third cell must go.
        var table = OneWay(Group("a", 200), Group("b", 150), Group("c", 147), Group("d", 1), Group("e", 3));
        var primaryOnly = table.Groups.Select(g => !DisclosureControl.Primary(g, Rules).Published).ToArray();
        Assert.True(OneWayUpperBound(table, primaryOnly, 3) < 5);

        var disclosed = DisclosureControl.Apply(table, Rules);

        var hidden = disclosed.Groups.Select(g => !g.Published).ToArray();
        Assert.Equal([false, false, true, true, true], hidden);
        Assert.Equal(SuppressionRule.Secondary, disclosed.Groups[2].Rule);
        Assert.True(disclosed.Total.Published);
        Assert.True(OneWayUpperBound(table, hidden, 3) >= 5);
        Assert.True(OneWayUpperBound(table, hidden, 4) >= 5);
    }

    /// <summary>Random one-way tables with counts and value added: no sensitive hidden figure can be worked out from the published ones.</summary>
    [Fact]
    public void Suppressed_cells_of_random_one_way_tables_cannot_be_recomputed()
    {
        var enterprise = Gen.Frequency((6, Gen.Decimal[1, 1000].Select(Math.Round)), (1, Gen.Decimal[10_000, 100_000].Select(Math.Round)));
        var group = Gen.Int[0, 9].SelectMany(n => enterprise.Array[n, n]);
        group.Array[1, 8].Sample(
            groups =>
            {
                var table = OneWay([.. groups.Select((values, i) => Group($"g{i}", values.Length, values))]);
                var disclosed = DisclosureControl.Apply(table, Rules);
                if (!disclosed.Total.Published)
                {
                    return true;
                }

                var hidden = disclosed.Groups.Select(g => !g.Published).ToArray();
                for (var i = 0; i < groups.Length; i++)
                {
                    var primary = DisclosureControl.Primary(table.Groups[i], Rules);
                    if (!primary.Published && !hidden[i])
                    {
                        return false;
                    }

                    if (groups[i].Length is > 0 and < 5 && OneWayUpperBound(table, hidden, i) < 5)
                    {
                        return false;
                    }

                    // The p% rule, from the contributions themselves: the second largest must not be able to estimate
                    // the largest to within p %.
                    var sorted = groups[i].OrderDescending().ToArray();
                    if (sorted.Length > 0)
                    {
                        var protection = 0.10m * sorted[0] - (sorted.Sum() - sorted[0] - (sorted.Length > 1 ? sorted[1] : 0));
                        if (protection > 0 && OneWayValueAddedUpperBound(table, hidden, i) < sorted.Sum() + protection)
                        {
                            return false;
                        }
                    }
                }

                return true;
            },
            iter: 400);
    }

    /// <summary>Random two-way tables of counts with margins and total, attacked by brute force over whole numbers.</summary>
    [Fact]
    public void Suppressed_cells_of_random_two_way_tables_cannot_be_shown_small()
    {
        var shape = Gen.Select(Gen.Int[2, 3], Gen.Int[2, 3]);
        var cells = shape.SelectMany((rows, columns) => Gen.Frequency((3, Gen.Int[5, 9]), (2, Gen.Int[1, 4]), (1, Gen.Const(0))).Array[rows * columns, rows * columns].Select(v => (rows, columns, v)));
        var inconclusive = new System.Collections.Concurrent.ConcurrentBag<string>();
        cells.Sample(
            t =>
            {
                var (rows, columns, counts) = t;
                var table = TwoWay(rows, columns, counts);
                var disclosed = DisclosureControl.Apply(table, Rules);
                var (values, hidden) = Lattice(table, disclosed);
                var attacker = new TableAttacker(values, hidden);
                for (var r = 0; r <= rows; r++)
                {
                    for (var c = 0; c <= columns; c++)
                    {
                        if (values[r, c] is > 0 and < 5)
                        {
                            if (!hidden[r, c])
                            {
                                return false;
                            }

                            switch (attacker.CanReach(r, c, 5))
                            {
                                case false:
                                    return false;
                                case null:
                                    inconclusive.Add($"{rows}x{columns} [{string.Join(",", counts)}] cell {r},{c} hidden [{string.Join(",", hidden.Cast<bool>().Select(h => h ? 1 : 0))}]");
                                    break;
                            }
                        }
                    }
                }

                return true;
            },
            iter: 400);
        Assert.True(inconclusive.IsEmpty, $"{inconclusive.Count} attacks ran out of budget: {string.Join("; ", inconclusive.Take(3))}");
    }

    [Fact]
    public void The_attacker_does_find_small_cells_left_by_primary_suppression_alone()
    {
        // District x tier: one cell of 2 in a row and column otherwise published in full gives itself away.
        var table = TwoWay(2, 2, [2, 9, 8, 7]);
        var (values, _) = Lattice(table, DisclosureControl.Apply(table, Rules));
        var primaryOnly = new bool[3, 3];
        primaryOnly[0, 0] = true;

        Assert.False(new TableAttacker(values, primaryOnly).CanReach(0, 0, 5));
    }

    [Fact]
    public void A_small_row_hides_its_margin_and_the_table_still_cannot_be_solved()
    {
        // The first district has 3 enterprises in all: its margin is itself sensitive.
        var table = TwoWay(3, 2, [1, 2, 6, 7, 9, 5]);
        var disclosed = DisclosureControl.Apply(table, Rules);
        var (values, hidden) = Lattice(table, disclosed);

        Assert.Equal(SuppressionRule.MinFrequency, disclosed.RowMargins[0].Rule);
        Assert.True(disclosed.Total.Published);
        var attacker = new TableAttacker(values, hidden);
        Assert.True(attacker.CanReach(0, 0, 5));
        Assert.True(attacker.CanReach(0, 1, 5));
        Assert.True(attacker.CanReach(0, 2, 5));
    }

    private static TwoWayTable TwoWay(int rows, int columns, int[] counts)
    {
        var facts = new List<EnterpriseFacts>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                for (var i = 0; i < counts[(r * columns) + c]; i++)
                {
                    facts.Add(Fact($"{r}-{c}-{i}", district: $"d{r}", tier: $"t{c}"));
                }
            }
        }

        return GroupTableBuilder.Tally(
            facts, GroupDimension.District, GroupDimension.Tier, Enumerable.Range(0, rows).Select(r => $"d{r}"), Enumerable.Range(0, columns).Select(c => $"t{c}"));
    }

    private static (int[,] Values, bool[,] Hidden) Lattice(TwoWayTable table, DisclosedTwoWayTable disclosed)
    {
        var rows = table.RowMargins.Count;
        var columns = table.ColumnMargins.Count;
        var values = new int[rows + 1, columns + 1];
        var hidden = new bool[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                var (cell, verdict) = (r < rows, c < columns) switch
                {
                    (true, true) => (table.Cells[r][c], disclosed.Cells[r][c]),
                    (true, false) => (table.RowMargins[r], disclosed.RowMargins[r]),
                    (false, true) => (table.ColumnMargins[c], disclosed.ColumnMargins[c]),
                    _ => (table.Total, disclosed.Total),
                };
                values[r, c] = cell.Enterprises;
                hidden[r, c] = !verdict.Published;
            }
        }

        return (values, hidden);
    }

    /// <summary>The most enterprises hidden cell <paramref name="index"/> can hold: the total less the published cells and one for each other hidden non-empty cell.</summary>
    private static int OneWayUpperBound(GroupTable table, bool[] hidden, int index) =>
        table.Total.Enterprises
        - table.Groups.Where((_, i) => !hidden[i]).Sum(g => g.Enterprises)
        - table.Groups.Where((g, i) => hidden[i] && i != index && g.Enterprises > 0).Count();

    /// <summary>The most value added hidden cell <paramref name="index"/> can hold: the total less the published cells (value added can be 0).</summary>
    private static decimal OneWayValueAddedUpperBound(GroupTable table, bool[] hidden, int index) =>
        table.Total.Measure(Measures.ValueAdded).Sum - table.Groups.Where((_, i) => !hidden[i] && i != index).Sum(g => g.Measure(Measures.ValueAdded).Sum);
}
