namespace HiTech.Core.Analytics;

/// <summary>
/// Statistical disclosure control of published tables (Handbook on Statistical Disclosure Control, ch. 5), applied
/// to whole cells: a cell is published with all its figures or not at all.
/// <list type="number">
/// <item>Primary: a cell whose enterprise count or hi-tech count is 1 to <see cref="DisclosureRules.MinFrequency"/> - 1
/// (a zero identifies nobody and is shown), or where any money or headcount measure fails the p% rule.</item>
/// <item>Secondary: more cells are hidden until, for every sensitive figure, the largest value an attacker can
/// deduce from the published cells, margins and total (knowing that figures are not negative and that a hidden
/// count is at least 1) is at least the minimum frequency for a count, or the cell's sum plus its p% protection
/// level (p/100 x largest - (sum - largest - second)) for a dominated measure. Then no sensitive figure can be
/// pinned down, nor shown to be small.</item>
/// </list>
/// </summary>
public static class DisclosureControl
{
    public static DisclosedTable Apply(GroupTable table, DisclosureRules rules)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rules);
        var cells = table.Groups.Select(g => new SuppressionCell(g, rules)).ToArray();
        var total = new SuppressionCell(table.Total, rules);
        OneWaySuppression.Protect(cells, total);
        return new DisclosedTable(table, [.. cells.Select(c => c.Verdict)], total.Verdict);
    }

    public static DisclosedTwoWayTable Apply(TwoWayTable table, DisclosureRules rules)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rules);
        var rows = table.RowMargins.Count;
        var columns = table.ColumnMargins.Count;
        if (table.Cells.Count != rows || table.Cells.Any(r => r.Count != columns))
        {
            throw new ArgumentException($"a two-way table of {rows} rows and {columns} columns needs {rows} rows of {columns} cells", nameof(table));
        }

        // The lattice: inner cells, the row margins as column `columns`, the column margins as row `rows`, the total in the corner.
        var lattice = new SuppressionCell[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                var totals = (r == rows, c == columns) switch
                {
                    (false, false) => table.Cells[r][c],
                    (false, true) => table.RowMargins[r],
                    (true, false) => table.ColumnMargins[c],
                    _ => table.Total,
                };
                lattice[r, c] = new SuppressionCell(totals, rules);
            }
        }

        _ = new TwoWaySuppression(lattice).Protect();
        return new DisclosedTwoWayTable(
            table,
            [.. Enumerable.Range(0, rows).Select(r => (IReadOnlyList<CellDisclosure>)[.. Enumerable.Range(0, columns).Select(c => lattice[r, c].Verdict)])],
            [.. Enumerable.Range(0, rows).Select(r => lattice[r, columns].Verdict)],
            [.. Enumerable.Range(0, columns).Select(c => lattice[rows, c].Verdict)],
            lattice[rows, columns].Verdict);
    }

    /// <summary>Whether one group, on its own, may not be published, and why (the primary rules only).</summary>
    public static CellDisclosure Primary(GroupTotals group, DisclosureRules rules) => new SuppressionCell(group, rules).Verdict;
}
