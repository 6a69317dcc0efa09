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

    /// <summary>Counts enterprises by a row key and a column key, then publishes only what disclosure control allows.</summary>
    public static PublishedTable Of(
        IEnumerable<(string Row, string Column, EnterpriseFacts Facts)> entries,
        IReadOnlyList<string> rowKeys,
        IReadOnlyList<string> columnKeys,
        DisclosureRules rules)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(rules);
        var list = entries.ToList();
        var rows = Keys(rowKeys, list.Select(e => e.Row));
        var columns = Keys(columnKeys, list.Select(e => e.Column));
        var rowIndex = rows.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        var columnIndex = columns.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        var cells = rows.Select(r => columns.Select(c => new GroupAccumulator($"{r}|{c}")).ToArray()).ToArray();
        var rowMargins = rows.Select(r => new GroupAccumulator(r)).ToArray();
        var columnMargins = columns.Select(c => new GroupAccumulator(c)).ToArray();
        var total = new GroupAccumulator(GroupTotals.AllGroup);
        foreach (var (row, column, facts) in list)
        {
            var r = rowIndex[row];
            var c = columnIndex[column];
            var counted = CountOnly(facts);
            cells[r][c].Add(counted);
            rowMargins[r].Add(counted);
            columnMargins[c].Add(counted);
            total.Add(counted);
        }

        // The dimensions only label the table; the disclosure rules read the totals.
        var table = new TwoWayTable(
            GroupDimension.Tier,
            GroupDimension.Tier,
            [.. cells.Select(row => (IReadOnlyList<GroupTotals>)[.. row.Select(c => c.ToTotals())])],
            [.. rowMargins.Select(m => m.ToTotals())],
            [.. columnMargins.Select(m => m.ToTotals())],
            total.ToTotals());
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

    /// <summary>
    /// The facts without their money and headcounts: a count table publishes none, so the p% dominance rule has
    /// nothing to protect in it and only the frequency rules (primary and secondary) apply; nor does it publish a hi-tech count.
    /// </summary>
    private static EnterpriseFacts CountOnly(EnterpriseFacts facts) => facts with
    {
        ValueAddedInr = null,
        ManufacturingValueAddedInr = null,
        MhtValueAddedInr = null,
        RdSpendInr = null,
        ExportsInr = null,
        TurnoverInr = null,
        Employees = null,
        RdStaff = null,
        StemStaff = null,
        ReturneeHires = null,
        HiTech = false,
    };

    private static List<string> Keys(IReadOnlyList<string> given, IEnumerable<string> seen)
    {
        var keys = given.ToList();
        keys.AddRange(seen.Distinct(StringComparer.Ordinal).Where(k => !keys.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal));
        return keys;
    }
}
