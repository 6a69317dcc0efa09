using System.Globalization;
using HiTech.Core.Analytics;

namespace HiTech.Web.Features.Analytics;

/// <summary>
/// A year's total appears in several published tables: the headline's row for the year, the total of the district,
/// sector and size tables, and (as the approved stage) the pipeline. Disclosure control protects each table on its
/// own, so a total hidden in one table (its last resort, when even with every cell hidden a small cell could be
/// pinned down: a year of very few enterprises) but printed in another, or given by another table whose cells are all
/// published, would give the hidden cells away. Such a year publishes nothing by group and no total anywhere.
/// </summary>
public static class SharedTotals
{
    private static readonly CellDisclosure Secondary = new(SuppressionRule.Secondary);

    /// <summary>Whether the year's total is published in every one of its one-way tables.</summary>
    public static bool Shown(params PublishedTable[] tables) => tables.All(t => t.Total.Verdict.Published);

    /// <summary>
    /// The headline table (one row per year): each row by the primary rules and hidden where the year's total is
    /// hidden elsewhere. Its total (two years added up) is never published, so no year can be worked out from it.
    /// </summary>
    public static PublishedTable Headline(GroupTable years, DisclosureRules rules, IReadOnlySet<int> hiddenYears) =>
        PublishedTable.Of(HeadlineVerdicts(years, rules, hiddenYears));

    /// <summary>The verdicts of <see cref="Headline"/>, for protecting a filtered headline against this one.</summary>
    public static DisclosedTable HeadlineVerdicts(GroupTable years, DisclosureRules rules, IReadOnlySet<int> hiddenYears)
    {
        var verdicts = years.Groups.Select(g =>
        {
            var primary = DisclosureControl.Primary(g, rules);
            var hiddenElsewhere = int.TryParse(g.Group, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && hiddenYears.Contains(year);
            return primary.Published && hiddenElsewhere ? Secondary : primary;
        }).ToList();
        return new DisclosedTable(years, verdicts, Secondary);
    }

    /// <summary>The table with every row and its total hidden (by the rule that hid it already, or as secondary).</summary>
    public static PublishedTable HideAll(PublishedTable table) => table with
    {
        Rows = [.. table.Rows.Select(Hide)],
        Total = Hide(table.Total),
    };

    private static DisclosedRow Hide(DisclosedRow row) => row.Verdict.Published ? new DisclosedRow(row.Key, null, Secondary) : row;

    /// <summary>The pipeline with its approved stage hidden: it counts the year's approved assessments, the same figure as the year's total.</summary>
    public static IReadOnlyList<PublishedStage> HideApproved(IReadOnlyList<PublishedStage> stages) =>
        [.. stages.Select(s => s.Stage == "approved" && s.Verdict.Published ? new PublishedStage(s.Stage, null, null, null, Secondary) : s)];
}
