using System.Text.Json.Serialization;
using HiTech.Core.Analytics;
using HiTech.Web.Infrastructure.Security;

namespace HiTech.Web.Features.Analytics;

/// <summary>
/// GET /api/v1/analytics/dashboard?year=&amp;sector=&amp;size= (analysts and admins): the dashboard's tables, the same
/// disclosure-controlled cells as the page. A hidden group has every figure null and <c>suppressed</c> naming the rule
/// (min_frequency, dominance, secondary); ratios are percentages. Also digital maturity per DMA dimension, and the
/// collaboration figures of the financial year (counts whose firms or providers number fewer than the minimum are hidden).
/// </summary>
public static class DashboardApi
{
    public sealed record Row(
        [property: JsonPropertyName("group")] string Group,
        [property: JsonPropertyName("enterprises")] int? Enterprises,
        [property: JsonPropertyName("hi_tech_enterprises")] int? HiTechEnterprises,
        [property: JsonPropertyName("value_added")] decimal? ValueAdded,
        [property: JsonPropertyName("manufacturing_value_added")] decimal? ManufacturingValueAdded,
        [property: JsonPropertyName("mht_value_added")] decimal? MhtValueAdded,
        [property: JsonPropertyName("sdg_9b1_share")] decimal? Sdg9b1Share,
        [property: JsonPropertyName("rd_spend")] decimal? RdSpend,
        [property: JsonPropertyName("rd_intensity")] decimal? RdIntensity,
        [property: JsonPropertyName("digital_maturity_mean")] double? DigitalMaturityMean,
        [property: JsonPropertyName("suppressed")] string? Suppressed);

    public sealed record Table(
        [property: JsonPropertyName("group_by")] string GroupBy,
        [property: JsonPropertyName("rows")] IReadOnlyList<Row> Rows,
        [property: JsonPropertyName("total")] Row Total);

    public sealed record Transitions(
        [property: JsonPropertyName("tiers")] IReadOnlyList<string> Tiers,
        [property: JsonPropertyName("cells")] IReadOnlyList<IReadOnlyList<int?>> Cells,
        [property: JsonPropertyName("from_totals")] IReadOnlyList<int?> From,
        [property: JsonPropertyName("to_totals")] IReadOnlyList<int?> To,
        [property: JsonPropertyName("total")] int? Total);

    public sealed record Stage(
        [property: JsonPropertyName("stage")] string Id,
        [property: JsonPropertyName("assessments")] int? Assessments,
        [property: JsonPropertyName("median_days_to_decision")] double? MedianDays,
        [property: JsonPropertyName("p90_days_to_decision")] double? P90Days,
        [property: JsonPropertyName("suppressed")] string? Suppressed);

    public sealed record Dimension(
        [property: JsonPropertyName("dimension")] string Id,
        [property: JsonPropertyName("enterprises_reporting")] int? Reporting,
        [property: JsonPropertyName("mean")] double? Mean,
        [property: JsonPropertyName("bands")] IReadOnlyList<Count> Bands,
        [property: JsonPropertyName("suppressed")] string? Suppressed);

    /// <summary>One published count: null with the rule that hid it when hidden.</summary>
    public sealed record Count(
        [property: JsonPropertyName("key")] string Key,
        [property: JsonPropertyName("count")] int? Value,
        [property: JsonPropertyName("suppressed")] string? Suppressed);

    public sealed record Partnerships(
        [property: JsonPropertyName("models")] IReadOnlyList<string> Models,
        [property: JsonPropertyName("statuses")] IReadOnlyList<string> Statuses,
        [property: JsonPropertyName("cells")] IReadOnlyList<IReadOnlyList<Count>> Cells,
        [property: JsonPropertyName("by_model")] IReadOnlyList<Count> ByModel,
        [property: JsonPropertyName("by_status")] IReadOnlyList<Count> ByStatus,
        [property: JsonPropertyName("total")] Count Total);

    public sealed record Collaboration(
        [property: JsonPropertyName("from")] DateOnly From,
        [property: JsonPropertyName("to")] DateOnly To,
        [property: JsonPropertyName("needs_posted")] Count NeedsPosted,
        [property: JsonPropertyName("needs_by_district")] IReadOnlyList<Count> NeedsByDistrict,
        [property: JsonPropertyName("introductions_sent")] Count IntroductionsSent,
        [property: JsonPropertyName("introductions_by_status")] IReadOnlyList<Count> IntroductionsByStatus,
        [property: JsonPropertyName("median_working_days_to_first_answer")] double? MedianFirstAnswerDays,
        [property: JsonPropertyName("partnerships")] Partnerships Partnerships,
        [property: JsonPropertyName("outcomes")] IReadOnlyList<Count> Outcomes);

    public sealed record Rules(
        [property: JsonPropertyName("min_frequency")] int MinFrequency,
        [property: JsonPropertyName("p_percent")] decimal PPercent,
        [property: JsonPropertyName("source")] string Source);

    public sealed record Response(
        [property: JsonPropertyName("as_of")] DateTimeOffset AsOf,
        [property: JsonPropertyName("year")] int Year,
        [property: JsonPropertyName("years")] IReadOnlyList<int> Years,
        [property: JsonPropertyName("sector")] string? Sector,
        [property: JsonPropertyName("size")] string? Size,
        [property: JsonPropertyName("disclosure")] Rules Disclosure,
        [property: JsonPropertyName("headline")] Table Headline,
        [property: JsonPropertyName("by_district")] Table ByDistrict,
        [property: JsonPropertyName("by_sector")] Table BySector,
        [property: JsonPropertyName("by_size")] Table BySize,
        [property: JsonPropertyName("tier_transitions")] Transitions TierTransitions,
        [property: JsonPropertyName("pipeline")] IReadOnlyList<Stage> Pipeline,
        [property: JsonPropertyName("digital_maturity_by_dimension")] IReadOnlyList<Dimension> DigitalMaturityByDimension,
        [property: JsonPropertyName("collaboration")] Collaboration CollaborationFigures);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/analytics/dashboard", GetAsync)
            .WithTags("Analytics")
            .RequireApi(Roles.Analyst, Roles.Admin)
            .WithSummary("The dashboard's tables for a year (default the latest), optionally one priority sector and size class; hidden cells are null with the rule that hid them")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> GetAsync(
        GetDashboard dashboard,
        FrameworkStore frameworks,
        CancellationToken cancellationToken,
        string? year = null,
        string? sector = null,
        string? size = null)
    {
        var active = await frameworks.ActiveAsync(cancellationToken);
        var outcome = await dashboard.ExecuteAsync(new DashboardFilter(year, sector, size), [.. active.Tiers.Select(t => t.Id)], cancellationToken);
        return outcome.ToOk(Of);
    }

    private static Response Of(Dashboard d) => new(
        d.AsOf,
        d.Tables.Year,
        d.Years,
        d.Sector,
        d.Size,
        new Rules(d.Rules.MinFrequency, d.Rules.PPercent, d.Rules.Source),
        Of(d.Tables.Headline),
        Of(d.Tables.ByDistrict),
        Of(d.Tables.BySector),
        Of(d.Tables.BySize),
        new Transitions(d.Tables.Transitions.Tiers, d.Tables.Transitions.Cells, d.Tables.Transitions.From, d.Tables.Transitions.To, d.Tables.Transitions.Total),
        [.. d.Tables.Pipeline.Select(s => new Stage(s.Stage, s.Assessments, s.MedianDays, s.P90Days, s.Verdict.Published ? null : s.Verdict.RuleName))],
        [.. d.Tables.Dimensions.Select(x => new Dimension(
            x.Id,
            x.Reporting,
            x.Mean,
            [.. x.Bands.Select((n, b) => new Count(DistributionDisclosure.BandKey(b), n, Hidden(x.BandVerdicts[b])))],
            Hidden(x.Verdict)))],
        Of(d.Collaboration));

    private static Collaboration Of(PublishedCollaboration c) => new(
        c.From,
        c.To,
        Of(c.NeedsByDistrict.Total),
        [.. c.NeedsByDistrict.Cells.Select(Of)],
        Of(c.IntroductionsByStatus.Total),
        [.. c.IntroductionsByStatus.Cells.Select(Of)],
        c.MedianFirstAnswerDays,
        new Partnerships(
            c.Partnerships.Rows,
            c.Partnerships.Columns,
            [.. c.Partnerships.Cells.Select(r => (IReadOnlyList<Count>)[.. r.Select(Of)])],
            [.. c.Partnerships.RowTotals.Select(Of)],
            [.. c.Partnerships.ColumnTotals.Select(Of)],
            Of(c.Partnerships.Total)),
        [.. c.Outcomes.Select(o => new Count(o.Outcome, o.Sum, Hidden(o.Verdict)))]);

    private static Count Of(DisclosedCount c) => new(c.Key, c.Count, Hidden(c.Verdict));

    private static string? Hidden(CellDisclosure verdict) => verdict.Published ? null : verdict.RuleName;

    private static Table Of(PublishedTable table) => new(table.By.Name(), [.. table.Rows.Select(Of)], Of(table.Total));

    private static Row Of(DisclosedRow row) => row.Values is { } v
        ? new Row(row.Key, v.Enterprises, v.HiTechEnterprises, v.ValueAddedInr, v.ManufacturingValueAddedInr, v.MhtValueAddedInr, v.Sdg9b1SharePercent, v.RdSpendInr, v.RdIntensityPercent, v.DigitalMaturityMean, null)
        : new Row(row.Key, null, null, null, null, null, null, null, null, null, row.Verdict.RuleName);
}
