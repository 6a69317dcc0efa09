using HiTech.Core.Analytics;

namespace HiTech.Web.Features.OpenData;

/// <summary>One column of a published table, as its data dictionary describes it.</summary>
/// <param name="Id">The column's name in every format (CSV header, Excel header, JSON property).</param>
/// <param name="Meaning">What the column holds, in plain English.</param>
/// <param name="Unit">enterprises, INR, %, score 0-100, days, or text.</param>
/// <param name="Definition">Where the definition is: a section and indicator id of docs/indicators.md.</param>
public sealed record OpenColumn(string Id, string Meaning, string Unit, string Definition);

/// <summary>
/// One published table: its columns and its rows. A cell is an int, a decimal, a string or null (empty); a row
/// hidden by disclosure control has every figure null and its <c>suppressed</c> column naming the rule.
/// </summary>
public sealed record OpenTable(string Id, string Title, IReadOnlyList<OpenColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public int Column(string id) => Columns.Select((c, i) => (c, i)).First(x => x.c.Id == id).i;
}

/// <summary>
/// Every table the open-data page publishes for one year, with what a reader needs to use them; Figures are the
/// dashboard's tables they were flattened from (the page draws its tables from them: the same cells).
/// </summary>
public sealed record OpenDataset(
    DateTimeOffset AsOf,
    int Year,
    IReadOnlyList<int> Years,
    string FrameworkId,
    string FrameworkVersion,
    DisclosureRules Rules,
    IReadOnlyList<OpenTable> Tables,
    HiTech.Web.Features.Analytics.DashboardTables Figures)
{
    public OpenTable? Table(string id) => Tables.FirstOrDefault(t => t.Id == id);

    /// <summary>The disclosure rules applied, in plain words (the files carry the same sentence).</summary>
    public string RulesInWords =>
        $"A figure is left empty when fewer than {Rules.MinFrequency} enterprises make it up (min_frequency), when one or two enterprises make up nearly all of a money or headcount figure (dominance: the p% rule with p = {Rules.PPercent.ToString(System.Globalization.CultureInfo.InvariantCulture)}), or when it would let another hidden figure be worked out from the totals (secondary). The suppressed column names the rule. No rounding or noise is added. Rules: {Rules.Source}.";
}
