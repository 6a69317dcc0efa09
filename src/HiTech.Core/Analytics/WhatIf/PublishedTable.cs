namespace HiTech.Core.Analytics.WhatIf;

/// <summary>
/// A two-way count table as it may be published: rows by columns, with margins and total, every figure that
/// <see cref="DisclosureControl"/> suppressed replaced by null and the rule that hid it named beside it. Only counts
/// are published, so only the frequency rules can hide a cell (the dominance rule guards money and headcounts).
/// </summary>
public sealed record PublishedTable(
    IReadOnlyList<string> Rows,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<int?>> Cells,
    IReadOnlyList<IReadOnlyList<string>> CellRules,
    IReadOnlyList<int?> RowTotals,
    IReadOnlyList<int?> ColumnTotals,
    int? Total)
{
    /// <summary>Whether any figure of the table is hidden.</summary>
    public bool AnySuppressed => Total is null || RowTotals.Any(t => t is null) || ColumnTotals.Any(t => t is null) || Cells.Any(r => r.Any(c => c is null));

    /// <summary>
    /// Publishes counts of enterprises by a row key and a column key (<see cref="WhatIfTally.Count"/>) as far as
    /// disclosure control allows. Rows and columns are the keys given (so empty ones show as zeros) followed by any
    /// other key counted, in key order.
    /// </summary>
    public static PublishedTable Of(
        IReadOnlyDictionary<(string Row, string Column), int> counts,
        IReadOnlyList<string> rowKeys,
        IReadOnlyList<string> columnKeys,
        DisclosureRules rules)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(rules);
        var rows = Keys(counts.Keys.Select(k => k.Row), rowKeys);
        var columns = Keys(counts.Keys.Select(k => k.Column), columnKeys);
        int Count(string row, string column) => counts.GetValueOrDefault((row, column));

        // Only counts are published, so a cell's totals are its count alone: the frequency rules are all that apply.
        static GroupTotals Totals(string group, int enterprises) => GroupTotals.Empty(group) with { Enterprises = enterprises };
        var table = new TwoWayTable(
            GroupDimension.Tier,
            GroupDimension.Tier,
            [.. rows.Select(r => (IReadOnlyList<GroupTotals>)[.. columns.Select(c => Totals($"{r}|{c}", Count(r, c)))])],
            [.. rows.Select(r => Totals(r, columns.Sum(c => Count(r, c))))],
            [.. columns.Select(c => Totals(c, rows.Sum(r => Count(r, c))))],
            Totals(GroupTotals.AllGroup, counts.Values.Sum()));
        return Of(table, rules);
    }

    /// <summary>Publishes a count table's enterprise counts as far as disclosure control allows; rows and columns are labelled by their margins' groups.</summary>
    public static PublishedTable Of(TwoWayTable table, DisclosureRules rules)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rules);
        var rows = table.RowMargins.Select(m => m.Group).ToList();
        var columns = table.ColumnMargins.Select(m => m.Group).ToList();
        var disclosed = DisclosureControl.Apply(table, rules);
        static int? Shown(GroupTotals totals, CellDisclosure verdict) => verdict.Published ? totals.Enterprises : null;
        return new PublishedTable(
            rows,
            columns,
            [.. rows.Select((_, r) => (IReadOnlyList<int?>)[.. columns.Select((_, c) => Shown(table.Cells[r][c], disclosed.Cells[r][c]))])],
            [.. rows.Select((_, r) => (IReadOnlyList<string>)[.. columns.Select((_, c) => disclosed.Cells[r][c].RuleName)])],
            [.. rows.Select((_, r) => Shown(table.RowMargins[r], disclosed.RowMargins[r]))],
            [.. columns.Select((_, c) => Shown(table.ColumnMargins[c], disclosed.ColumnMargins[c]))],
            Shown(table.Total, disclosed.Total));
    }

    private static List<string> Keys(IEnumerable<string> counted, IReadOnlyList<string> given)
    {
        var keys = given.ToList();
        keys.AddRange(counted.Distinct(StringComparer.Ordinal).Where(k => !keys.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal));
        return keys;
    }
}
