using System.Net;
using System.Text.Json;
using HiTech.Web.Tests.Infrastructure;
using HiTech.Web.Tests.Reviews;

namespace HiTech.Web.Tests.Analytics;

/// <summary>The aggregates page: counts by tier, district and NIC division, with small cells hidden.</summary>
public sealed class AnalyticsTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Analysts_see_suppressed_aggregates_and_no_enterprise()
    {
        using var api = await platform.ApiAsync(DemoSeeder.AnalystEmail);
        var response = await api.GetAsync("/api/v1/analytics/aggregates", None);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TestHost.JsonAsync(response);
        Assert.Equal(5, body.GetProperty("suppression_threshold").GetInt32());
        var hidden = 0;
        foreach (var table in new[] { "by_tier", "by_district", "by_nic_division" })
        {
            var rows = body.GetProperty(table).GetProperty("rows").EnumerateArray().ToList();
            Assert.NotEmpty(rows);
            foreach (var row in rows)
            {
                var count = row.GetProperty("count");
                if (count.ValueKind == JsonValueKind.Null)
                {
                    hidden++;
                    Assert.Contains(row.GetProperty("suppressed").GetString(), new[] { "min_frequency", "secondary" });
                }
                else
                {
                    Assert.False(count.GetInt32() is > 0 and < 5, $"{table} publishes a count of {count.GetInt32()}");
                }
            }

            // Never exactly one hidden count beside a published total: it could be worked out.
            var hiddenHere = rows.Count(r => r.GetProperty("count").ValueKind == JsonValueKind.Null);
            Assert.NotEqual(1, hiddenHere);
        }

        // 12 demo enterprises over 14 districts: some districts must be hidden.
        Assert.True(hidden > 0);
        // The total is published (12) unless disclosure control hides it too, to protect the hidden districts.
        var total = body.GetProperty("by_district").GetProperty("total");
        Assert.True(total.ValueKind == JsonValueKind.Null || total.GetInt32() == 12, $"by_district total {total}");

        // The page says so, and names no enterprise.
        using var browser = await platform.SignInAsync(DemoSeeder.AnalystEmail);
        var html = await (await browser.GetAsync("/analytics", None)).Content.ReadAsStringAsync(None);
        Assert.Contains("hidden: fewer than 5 enterprises", html, StringComparison.Ordinal);
        Assert.Contains("a figure is hidden when fewer than 5 enterprises make it up", html, StringComparison.Ordinal);
        var names = await platform.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Organisations.Select(o => o.Name)));
        Assert.All(names, name => Assert.DoesNotContain(name, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Enterprises_and_assessors_cannot_see_the_aggregates()
    {
        foreach (var email in new[] { DemoSeeder.OwnerEmail, DemoSeeder.AssessorEmail })
        {
            using var api = await platform.ApiAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/analytics/aggregates", None)).StatusCode);
            using var browser = await platform.SignInAsync(email);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/analytics", None)).StatusCode);
        }

        using var admin = await platform.ApiAsync(DemoSeeder.AdminEmail);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/analytics/aggregates", None)).StatusCode);
    }
}
