namespace HiTech.Core.Analytics;

/// <summary>
/// Tallies enterprises' facts, one at a time (a registry streams through it), into the groups of one dimension and
/// the total. Groups come out in key order; not thread-safe.
/// </summary>
public sealed class GroupTableBuilder(GroupDimension by)
{
    private readonly Dictionary<string, GroupAccumulator> _groups = new(StringComparer.Ordinal);
    private readonly GroupAccumulator _total = new(GroupTotals.AllGroup);

    public GroupDimension By { get; } = by;

    public void Add(EnterpriseFacts facts)
    {
        var key = By.KeyOf(facts);
        if (!_groups.TryGetValue(key, out var group))
        {
            _groups[key] = group = new GroupAccumulator(key);
        }

        group.Add(facts);
        _total.Add(facts);
    }

    public GroupTable ToTable() => new(
        By,
        [.. _groups.Values.OrderBy(g => g.Group, StringComparer.Ordinal).Select(g => g.ToTotals())],
        _total.ToTotals());

    /// <summary>The one-way table of a set of facts.</summary>
    public static GroupTable Tally(IEnumerable<EnterpriseFacts> facts, GroupDimension by)
    {
        var builder = new GroupTableBuilder(by);
        foreach (var f in facts)
        {
            builder.Add(f);
        }

        return builder.ToTable();
    }

    /// <summary>
    /// The two-way table of a set of facts (say district x tier), with its margins and total. Rows and columns are the
    /// keys given (so empty ones show as zeros) followed by any other key met, in key order.
    /// </summary>
    public static TwoWayTable Tally(
        IEnumerable<EnterpriseFacts> facts,
        GroupDimension rowsBy,
        GroupDimension columnsBy,
        IEnumerable<string>? rowKeys = null,
        IEnumerable<string>? columnKeys = null) =>
        Tally(facts.Select(f => (rowsBy.KeyOf(f), columnsBy.KeyOf(f), f)), rowsBy, columnsBy, rowKeys, columnKeys);

    /// <summary>
    /// The two-way table of facts whose row and column keys are given with them (say tier in force x tier under a
    /// proposal, which no single dimension of one enterprise's facts gives); the dimensions only label the table.
    /// </summary>
    public static TwoWayTable Tally(
        IEnumerable<(string Row, string Column, EnterpriseFacts Facts)> entries,
        GroupDimension rowsBy,
        GroupDimension columnsBy,
        IEnumerable<string>? rowKeys = null,
        IEnumerable<string>? columnKeys = null)
    {
        var list = entries.ToList();
        var rows = Keys(list.Select(e => e.Row), rowKeys);
        var columns = Keys(list.Select(e => e.Column), columnKeys);
        var cells = rows.Select(r => columns.Select(c => new GroupAccumulator($"{r}|{c}")).ToArray()).ToArray();
        var rowMargins = rows.Select(r => new GroupAccumulator(r)).ToArray();
        var columnMargins = columns.Select(c => new GroupAccumulator(c)).ToArray();
        var total = new GroupAccumulator(GroupTotals.AllGroup);
        var rowIndex = rows.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        var columnIndex = columns.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        foreach (var (row, column, f) in list)
        {
            var r = rowIndex[row];
            var c = columnIndex[column];
            cells[r][c].Add(f);
            rowMargins[r].Add(f);
            columnMargins[c].Add(f);
            total.Add(f);
        }

        return new TwoWayTable(
            rowsBy,
            columnsBy,
            [.. cells.Select(row => (IReadOnlyList<GroupTotals>)[.. row.Select(c => c.ToTotals())])],
            [.. rowMargins.Select(m => m.ToTotals())],
            [.. columnMargins.Select(m => m.ToTotals())],
            total.ToTotals());
    }

    private static List<string> Keys(IEnumerable<string> seen, IEnumerable<string>? given)
    {
        var keys = given?.ToList() ?? [];
        keys.AddRange(seen.Distinct(StringComparer.Ordinal).Where(k => !keys.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal));
        return keys;
    }
}
