using HiTech.Core.Analytics;
using HiTech.Core.Analytics.WhatIf;

namespace HiTech.Core.Tests.Analytics.WhatIfOracle;

/// <summary>The per-enterprise way a what-if table was counted before the streaming tally, kept as the oracle.</summary>
public static class OraclePublishedTable
{
    /// <summary>Counts enterprises by a row key and a column key, then publishes only what disclosure control allows.</summary>
    public static PublishedTable Of(
        IEnumerable<(string Row, string Column, EnterpriseFacts Facts)> entries,
        IReadOnlyList<string> rowKeys,
        IReadOnlyList<string> columnKeys,
        DisclosureRules rules)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(rules);
        // Counted by the analytics' own tally; the dimensions only label the table, the disclosure rules read the totals.
        var table = GroupTableBuilder.Tally(entries.Select(e => (e.Row, e.Column, CountOnly(e.Facts))), GroupDimension.Tier, GroupDimension.Tier, rowKeys, columnKeys);
        return PublishedTable.Of(table, rules);
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
}
