using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HiTech.Web.Tests.Infrastructure;
using HiTech.Web.Tests.Reviews;

namespace HiTech.Web.Tests.Analytics;

/// <summary>The dashboard (page and API): what is published passes disclosure control, in English and Malayalam.</summary>
public sealed partial class DashboardTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private const int MinFrequency = 5;

    private static CancellationToken None => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_published_count_is_below_the_minimum_frequency()
    {
        using var api = await platform.ApiAsync(DemoSeeder.AnalystEmail);
        var response = await api.GetAsync("/api/v1/analytics/dashboard", None);
        var text = await response.Content.ReadAsStringAsync(None);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(MinFrequency, body.GetProperty("disclosure").GetProperty("min_frequency").GetInt32());
        var hidden = 0;
        foreach (var name in new[] { "headline", "by_district", "by_sector", "by_size" })
        {
            var table = body.GetProperty(name);
            foreach (var row in table.GetProperty("rows").EnumerateArray().Append(table.GetProperty("total")))
            {
                if (row.GetProperty("suppressed").ValueKind == JsonValueKind.String)
                {
                    hidden++;
                    Assert.Contains(row.GetProperty("suppressed").GetString(), new[] { "min_frequency", "dominance", "secondary" });
                    Assert.All(new[] { "enterprises", "hi_tech_enterprises", "value_added", "sdg_9b1_share", "rd_intensity" }, f => Assert.Equal(JsonValueKind.Null, row.GetProperty(f).ValueKind));
                    continue;
                }

                foreach (var count in new[] { "enterprises", "hi_tech_enterprises" })
                {
                    var n = row.GetProperty(count).GetInt32();
                    Assert.False(n is > 0 and < MinFrequency, $"{name} {row.GetProperty("group")} publishes {count} = {n}");
                }
            }
        }

        // 12 demo enterprises over 14 districts: districts must be hidden.
        Assert.True(hidden > 0);
        var transitions = body.GetProperty("tier_transitions");
        var counts = transitions.GetProperty("cells").EnumerateArray().SelectMany(r => r.EnumerateArray())
            .Concat(transitions.GetProperty("from_totals").EnumerateArray())
            .Concat(transitions.GetProperty("to_totals").EnumerateArray())
            .Append(transitions.GetProperty("total"))
            .Concat(body.GetProperty("pipeline").EnumerateArray().Select(s => s.GetProperty("assessments")));
        Assert.All(counts.Where(c => c.ValueKind == JsonValueKind.Number), c => Assert.False(c.GetInt32() is > 0 and < MinFrequency, $"a published count of {c.GetInt32()}"));
    }

    [Fact]
    public async Task The_page_shows_the_map_the_as_of_stamp_and_hidden_cells_with_their_reason_and_names_no_enterprise()
    {
        using var browser = await platform.SignInAsync(DemoSeeder.AnalystEmail);
        var response = await browser.GetAsync("/analytics?indicator=sdg_9b1_share&size=&sector=", None);
        var html = await response.Content.ReadAsStringAsync(None);
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("Data as of", html, StringComparison.Ordinal);
        Assert.Contains("hitech-map", html, StringComparison.Ordinal);
        Assert.Equal(14, DistrictTile().Count(html));
        Assert.Contains("<option value=\"sdg_9b1_share\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("hidden: fewer than 5 enterprises", html, StringComparison.Ordinal);
        foreach (Match m in DataCount().Matches(html))
        {
            var n = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(n is > 0 and < MinFrequency, $"the page publishes a count of {n}");
        }

        var names = await platform.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Organisations.Select(o => o.Name)));
        Assert.All(names, name => Assert.DoesNotContain(name, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_reads_in_Malayalam()
    {
        using var browser = await platform.BrowserAsync(DemoSeeder.AnalystEmail, cultureCookie: "ml");
        var response = await browser.GetAsync("/analytics", None);
        var html = await response.Content.ReadAsStringAsync(None);
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("ഇക്കോസിസ്റ്റം കണക്കുകളിൽ", html, StringComparison.Ordinal);
        Assert.Contains("വരെയുള്ള വിവരങ്ങൾ", html, StringComparison.Ordinal);
        Assert.Contains("എറണാകുളം", html, StringComparison.Ordinal);
        Assert.Contains("മറച്ചിരിക്കുന്നു: 5-ൽ കുറവ് സംരംഭങ്ങൾ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_filter_is_refused_naming_the_field()
    {
        using var api = await platform.ApiAsync(DemoSeeder.AnalystEmail);
        var response = await api.GetAsync("/api/v1/analytics/dashboard?year=1901&size=huge", None);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await TestHost.JsonAsync(response)).GetProperty("errors");
        Assert.Contains("1901", errors.GetProperty("year")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("size", out _));

        using var browser = await platform.SignInAsync(DemoSeeder.AnalystEmail);
        var html = await (await browser.GetAsync("/analytics?year=1901", None)).Content.ReadAsStringAsync(None);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("There are no figures for the year “1901”", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-district=\"[a-z]+\"")]
    private static partial Regex DistrictTile();

    [GeneratedRegex("data-count=\"(\\d+)\"")]
    private static partial Regex DataCount();
}
