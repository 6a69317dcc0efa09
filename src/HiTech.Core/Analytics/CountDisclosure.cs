namespace HiTech.Core.Analytics;

/// <summary>
/// A count to publish that is not a count of enterprises (needs posted, introductions, partnerships) with the number
/// of parties behind it: the fewest distinct firms or providers that make it up, as the caller counts them.
/// </summary>
public sealed record CountCell(string Key, int Count, int Parties);

/// <summary>A count as published: null when hidden, with the rule that hid it.</summary>
public sealed record DisclosedCount(string Key, int? Count, CellDisclosure Verdict);

/// <summary>A one-way table of counts as published: its cells and its total.</summary>
public sealed record DisclosedCounts(IReadOnlyList<DisclosedCount> Cells, DisclosedCount Total)
{
    public DisclosedCount? Cell(string key) => Cells.FirstOrDefault(c => c.Key == key);
}

/// <summary>A two-way table of counts as published: cells by row and column, the margins and the total.</summary>
public sealed record DisclosedCountGrid(
    IReadOnlyList<string> Rows,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<DisclosedCount>> Cells,
    IReadOnlyList<DisclosedCount> RowTotals,
    IReadOnlyList<DisclosedCount> ColumnTotals,
    DisclosedCount Total);

/// <summary>
/// Disclosure control of tables of counts (<see cref="DisclosureControl"/>): a cell is hidden when its count, or the
/// number of parties behind it, is 1 to min_frequency - 1, so nothing is shown about one firm or one provider; then
/// secondary suppression, so no hidden count can be worked out from the published ones and the total.
/// </summary>
/// <remarks>
/// The parties stand in the cell's second count (the one enterprise tables use for hi-tech enterprises) so the same
/// primary and secondary rules protect them. Parties do not add up across cells (one firm can post in two districts),
/// so the secondary bounds for them are conservative: they hide at least as much as additive counts would.
/// </remarks>
public static class CountDisclosure
{
    public static DisclosedCounts Apply(IReadOnlyList<CountCell> cells, CountCell total, DisclosureRules rules)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(total);
        var groups = cells.Select(Totals).ToList();
        var disclosed = DisclosureControl.Apply(new GroupTable(GroupDimension.State, groups, Totals(total)), rules);
        return new DisclosedCounts([.. cells.Select((c, i) => Shown(c, disclosed.Groups[i]))], Shown(total, disclosed.Total));
    }

    public static DisclosedCountGrid Apply(
        IReadOnlyList<string> rows,
        IReadOnlyList<string> columns,
        Func<string, string, CountCell> cell,
        Func<string, CountCell> rowTotal,
        Func<string, CountCell> columnTotal,
        CountCell total,
        DisclosureRules rules)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(rowTotal);
        ArgumentNullException.ThrowIfNull(columnTotal);
        ArgumentNullException.ThrowIfNull(total);
        var cells = rows.Select(r => columns.Select(c => cell(r, c)).ToList()).ToList();
        var rowTotals = rows.Select(rowTotal).ToList();
        var columnTotals = columns.Select(columnTotal).ToList();
        var table = new TwoWayTable(
            GroupDimension.State,
            GroupDimension.State,
            [.. cells.Select(r => (IReadOnlyList<GroupTotals>)[.. r.Select(Totals)])],
            [.. rowTotals.Select(Totals)],
            [.. columnTotals.Select(Totals)],
            Totals(total));
        var disclosed = DisclosureControl.Apply(table, rules);
        return new DisclosedCountGrid(
            rows,
            columns,
            [.. cells.Select((r, i) => (IReadOnlyList<DisclosedCount>)[.. r.Select((c, j) => Shown(c, disclosed.Cells[i][j]))])],
            [.. rowTotals.Select((c, i) => Shown(c, disclosed.RowMargins[i]))],
            [.. columnTotals.Select((c, j) => Shown(c, disclosed.ColumnMargins[j]))],
            Shown(total, disclosed.Total));
    }

    private static GroupTotals Totals(CountCell cell) =>
        GroupTotals.Empty(cell.Key) with { Enterprises = cell.Count, HiTechEnterprises = cell.Parties };

    private static DisclosedCount Shown(CountCell cell, CellDisclosure verdict) => new(cell.Key, verdict.Published ? cell.Count : null, verdict);
}
