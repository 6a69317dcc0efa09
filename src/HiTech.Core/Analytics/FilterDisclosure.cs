namespace HiTech.Core.Analytics;

/// <summary>
/// Disclosure control of a filtered table (say the districts of one priority sector) published beside the same table
/// unfiltered. Subtracting a filtered cell from its unfiltered cell gives the enterprises outside the filter, which
/// may be few or dominated, so the two are protected together as one two-way table: rows are the groups, columns
/// "in the filter" and "outside it", margins the unfiltered table as it is published (its verdicts fixed: it is
/// shown whatever the filter). The "outside" column is never published, zero or not; its cells are sensitive by the
/// same primary rules, and <see cref="TwoWaySuppression"/> hides "in the filter" cells until no sensitive figure
/// of either column can be worked out or shown to be small. When that cannot be done, the whole filtered column
/// (and its total) is hidden.
/// </summary>
public static class FilterDisclosure
{
    private const int In = 0;
    private const int Outside = 1;
    private const int Margin = 2;

    /// <param name="inFilter">The filtered table (groups with no enterprise in the filter may be absent).</param>
    /// <param name="outside">The same groups' enterprises outside the filter.</param>
    /// <param name="all">The unfiltered table as published, with its verdicts; every group of the other two is one of its groups.</param>
    /// <param name="rules">The disclosure parameters.</param>
    /// <returns>The verdicts of the filtered table's groups, in its order, and of its total.</returns>
    public static DisclosedTable Apply(GroupTable inFilter, GroupTable outside, DisclosedTable all, DisclosureRules rules)
    {
        ArgumentNullException.ThrowIfNull(inFilter);
        ArgumentNullException.ThrowIfNull(outside);
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(rules);
        var keys = all.Table.Groups.Select((g, i) => (g.Group, i)).ToDictionary(x => x.Group, x => x.i, StringComparer.Ordinal);
        var stray = inFilter.Groups.Concat(outside.Groups).Select(g => g.Group).FirstOrDefault(k => !keys.ContainsKey(k));
        if (stray is not null)
        {
            throw new ArgumentException($"group '{stray}' is not in the unfiltered table", nameof(all));
        }

        var rows = keys.Count;
        var lattice = new SuppressionCell[rows + 1, 3];
        for (var r = 0; r <= rows; r++)
        {
            var key = r < rows ? all.Table.Groups[r].Group : GroupTotals.AllGroup;
            GroupTotals Find(GroupTable table) => r < rows ? table.Groups.FirstOrDefault(g => g.Group == key) ?? GroupTotals.Empty(key) : table.Total;
            lattice[r, In] = new SuppressionCell(Find(inFilter), rules);
            lattice[r, Outside] = Hide(new SuppressionCell(Find(outside), rules) { NeverShown = true }, hide: true);
            lattice[r, Margin] = Hide(
                new SuppressionCell(r < rows ? all.Table.Groups[r] : all.Table.Total, rules) { Fixed = true },
                hide: !(r < rows ? all.Groups[r] : all.Total).Published);
        }

        if (!new TwoWaySuppression(lattice).Protect())
        {
            for (var r = 0; r <= rows; r++)
            {
                _ = Hide(lattice[r, In], hide: true);
            }
        }

        return new DisclosedTable(inFilter, [.. inFilter.Groups.Select(g => lattice[keys[g.Group], In].Verdict)], lattice[rows, In].Verdict);
    }

    /// <summary>The cell, hidden when asked (as secondary unless a primary rule hides it already).</summary>
    private static SuppressionCell Hide(SuppressionCell cell, bool hide)
    {
        if (hide && !cell.Hidden)
        {
            cell.HideForOthers();
        }

        return cell;
    }
}
