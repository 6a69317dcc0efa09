using HiTech.Core.Analytics;
using HiTech.Core.Reference;
using HiTech.Web.Features.Analytics;
using CorePublishedTable = HiTech.Web.Features.Analytics.PublishedTable;

namespace HiTech.Web.Features.OpenData;

/// <summary>
/// The dashboard's disclosure-controlled tables (<see cref="GetDashboard"/>) as flat tables for files and the API:
/// one row per group (or per cell of the tier transitions), each column described once in a data dictionary. Reads
/// only what the dashboard publishes: a hidden row or cell has no figure here to leak.
/// </summary>
public static class PublishedTables
{
    public const string Headline = "headline";
    public const string ByDistrict = "by_district";
    public const string BySector = "by_sector";
    public const string BySize = "by_size";
    public const string TierTransitions = "tier_transitions";
    public const string Pipeline = "pipeline";

    /// <summary>Every table id, in the order the page lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Headline, ByDistrict, BySector, BySize, TierTransitions, Pipeline];

    /// <summary>The number of decimals ratios and means are published with (money and counts are exact).</summary>
    public const int Decimals = 4;

    private const string Definitions = "docs/indicators.md, Definitions: ";
    private const string Disclosure = "docs/indicators.md, Disclosure control";

    private static readonly OpenColumn Year = new("year", "Financial year, named by the calendar year it starts in (2025 = 2025-26)", "year", "docs/indicators.md, Definitions: groups");
    private static readonly OpenColumn Suppressed = new("suppressed", "Empty when the figures are published; otherwise the disclosure rule that left them empty: min_frequency, dominance or secondary", "text", Disclosure);

    private static readonly string[] GroupMeasures =
        ["enterprises", "hi_tech_enterprises", "value_added", "manufacturing_value_added", "mht_value_added", "sdg_9b1_share", "rd_spend", "rd_intensity", "digital_maturity_mean"];

    public static IReadOnlyList<OpenTable> From(DashboardTables tables, ReferenceData reference) =>
    [
        Groups(Headline, "Headline indicators, this year and the year before", tables.Headline, tables.Year, reference, "The financial year"),
        Groups(ByDistrict, "Indicators by district", tables.ByDistrict, tables.Year, reference, "The district (unknown: not given)"),
        Groups(BySector, "Indicators by priority sector", tables.BySector, tables.Year, reference, "The priority sector of the main activity (none: in no priority sector)"),
        Groups(BySize, "Indicators by size class (MSMED Act)", tables.BySize, tables.Year, reference, "The size class: micro, small, medium or large"),
        Transitions(tables.Transitions, tables.Year),
        Stages(tables.Pipeline, tables.Year),
    ];

    /// <summary>The columns of every table (the data dictionary), by table id.</summary>
    public static IReadOnlyList<(string Table, OpenColumn Column)> Dictionary(IEnumerable<OpenTable> tables) =>
        [.. tables.SelectMany(t => t.Columns.Select(c => (t.Id, c)))];

    private static OpenTable Groups(string id, string title, CorePublishedTable table, int year, ReferenceData reference, string groupMeaning)
    {
        var columns = new List<OpenColumn>
        {
            Year,
            new("group", groupMeaning + "; all for the table's total", "text", "docs/indicators.md, Definitions: groups"),
            new("group_name", "The group's name in English", "text", "data/reference (districts, priority sectors)"),
        };
        columns.AddRange(GroupMeasures.Select(Measure));
        columns.Add(Suppressed);
        var rows = table.Rows.Append(table.Total).Select(row => (IReadOnlyList<object?>)
        [
            year,
            row.Key,
            row.Key == GroupTotals.AllGroup ? "All" : Name(table.By, row.Key, reference),
            .. Figures(row.Values),
            row.Verdict.Published ? null : row.Verdict.RuleName,
        ]).ToList();
        return new OpenTable(id, title, columns, rows);
    }

    private static object?[] Figures(IndicatorValues? v) => v is null
        ? new object?[GroupMeasures.Length]
        :
        [
            v.Enterprises,
            v.HiTechEnterprises,
            v.ValueAddedInr,
            v.ManufacturingValueAddedInr,
            v.MhtValueAddedInr,
            Round(v.Sdg9b1SharePercent),
            v.RdSpendInr,
            Round(v.RdIntensityPercent),
            v.DigitalMaturityMean is { } d ? Round((decimal)d) : null,
        ];

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, Decimals, MidpointRounding.AwayFromZero) : null;

    /// <summary>A measure column described from Core's one list of definitions.</summary>
    private static OpenColumn Measure(string id)
    {
        var definition = IndicatorValues.Definitions.First(d => d.Id == id);
        return new OpenColumn(id, $"{definition.Name}: {definition.Formula}", definition.Unit, Definitions + id);
    }

    private static string Name(GroupDimension by, string key, ReferenceData reference) => by switch
    {
        GroupDimension.District when key == GroupDimensions.UnknownDistrict => "District not known",
        GroupDimension.District => reference.Districts.All.FirstOrDefault(d => d.Id == key)?.Name ?? key,
        GroupDimension.Sector when key == GroupDimensions.NoSector => "No priority sector",
        GroupDimension.Sector => reference.PrioritySectors.TryGet(key, out var s) ? s.Name : key,
        GroupDimension.Size => key.Length > 0 ? char.ToUpperInvariant(key[0]) + key[1..] : key,
        GroupDimension.Year => Fmt.FinancialYear(int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)),
        _ => key,
    };

    private static OpenTable Transitions(TransitionMatrix m, int year)
    {
        var columns = new List<OpenColumn>
        {
            Year,
            new("from_tier", "The tier in the year before (a tier id of the framework); all for the column totals", "text", "data/frameworks (tiers)"),
            new("to_tier", "The tier in this year; all for the row totals", "text", "data/frameworks (tiers)"),
            new("enterprises", "Enterprises with an approved assessment in both years that were in from_tier the year before and in to_tier this year", "enterprises", Definitions + "tier_transitions"),
            Suppressed,
        };
        var rows = new List<IReadOnlyList<object?>>();
        void Add(string from, string to, int? n, CellDisclosure verdict) => rows.Add([year, from, to, n, verdict.Published ? null : verdict.RuleName]);
        for (var r = 0; r < m.Tiers.Count; r++)
        {
            for (var c = 0; c < m.Tiers.Count; c++)
            {
                Add(m.Tiers[r], m.Tiers[c], m.Cells[r][c], m.CellVerdicts[r][c]);
            }

            Add(m.Tiers[r], GroupTotals.AllGroup, m.From[r], m.FromVerdicts[r]);
        }

        for (var c = 0; c < m.Tiers.Count; c++)
        {
            Add(GroupTotals.AllGroup, m.Tiers[c], m.To[c], m.ToVerdicts[c]);
        }

        Add(GroupTotals.AllGroup, GroupTotals.AllGroup, m.Total, m.TotalVerdict);
        return new OpenTable(TierTransitions, "Tier transitions from the year before to this year", columns, rows);
    }

    private static OpenTable Stages(IReadOnlyList<PublishedStage> stages, int year)
    {
        var columns = new List<OpenColumn>
        {
            Year,
            new("stage", "The review stage: submitted, in_review, returned or approved", "text", "docs/web-architecture.md (the assessment status table)"),
            new("assessments", "Assessments of the year at this stage", "assessments", Definitions + "enterprises_by_status"),
            new("median_days_to_decision", "Median days from hand-in to the assessor's decision; empty for stages without a decision or fewer decided than min_frequency", "days", "platform: submitted and decided dates"),
            new("p90_days_to_decision", "Days within which 9 in 10 of the decisions were made; empty as median_days_to_decision", "days", "platform: submitted and decided dates"),
            Suppressed,
        };
        var rows = stages.Select(s => (IReadOnlyList<object?>)
        [
            year,
            s.Stage,
            s.Assessments,
            s.MedianDays is { } m ? Math.Round((decimal)m, 1) : null,
            s.P90Days is { } p ? Math.Round((decimal)p, 1) : null,
            s.Verdict.Published ? null : s.Verdict.RuleName,
        ]).ToList();
        return new OpenTable(Pipeline, "Assessments by review stage", columns, rows);
    }
}
