using System.Text.Json.Serialization;
using HiTech.Web.Infrastructure.Security;

namespace HiTech.Web.Features.Analytics;

/// <summary>
/// GET /api/v1/analytics/aggregates (analysts and admins): enterprises by tier, district and division under Core's
/// disclosure control. A hidden count is null with <c>suppressed</c> naming the rule: "min_frequency" (1 to 4) or
/// "secondary" (hidden so that another hidden count cannot be worked out).
/// </summary>
public static class AnalyticsApi
{
    public sealed record Row(
        [property: JsonPropertyName("key")] string Key,
        [property: JsonPropertyName("label")] string Label,
        [property: JsonPropertyName("label_ml")] string? LabelMl,
        [property: JsonPropertyName("count")] int? Count,
        [property: JsonPropertyName("suppressed")] string? Suppressed);

    public sealed record Table(
        [property: JsonPropertyName("rows")] IReadOnlyList<Row> Rows,
        [property: JsonPropertyName("total")] int? Total,
        [property: JsonPropertyName("hidden")] int Hidden);

    public sealed record Response(
        [property: JsonPropertyName("suppression_threshold")] int Threshold,
        [property: JsonPropertyName("by_tier")] Table ByTier,
        [property: JsonPropertyName("by_district")] Table ByDistrict,
        [property: JsonPropertyName("by_nic_division")] Table ByDivision);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/analytics/aggregates", GetAsync)
            .WithTags("Analytics")
            .RequireApi(Roles.Analyst, Roles.Admin)
            .WithSummary("Enterprises by tier, district and NIC division (latest final result each); counts below 5 are null (suppressed)");
        DashboardApi.Map(api);
    }

    private static async Task<Ok<Response>> GetAsync(GetAggregates aggregates, CancellationToken cancellationToken)
    {
        var a = await aggregates.ExecuteAsync(cancellationToken);
        return TypedResults.Ok(new Response(a.Threshold, Convert(a.ByTier), Convert(a.ByDistrict), Convert(a.ByDivision)));
    }

    private static Table Convert(AggregateTable table) =>
        new([.. table.Rows.Select(r => new Row(r.Key, r.Label.En, r.Label.Ml, r.Count, r.Count is not null ? null : r.Verdict.RuleName))], table.Total, table.Hidden);
}
