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
        AssertNoSmallCount(html);

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
        Assert.Contains("മാനം അനുസരിച്ച് ഡിജിറ്റൽ പക്വത", html, StringComparison.Ordinal);
        Assert.Contains("ആവശ്യത്തിന്റെ ജില്ല അനുസരിച്ച് പോസ്റ്റ് ചെയ്ത ആവശ്യങ്ങൾ", html, StringComparison.Ordinal);
        Assert.Contains("മനുഷ്യകേന്ദ്രീകൃത ഡിജിറ്റലൈസേഷൻ", html, StringComparison.Ordinal);
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

    [Fact]
    public async Task Digital_maturity_is_given_for_each_of_the_six_dimensions_without_a_small_count()
    {
        using var api = await platform.ApiAsync(DemoSeeder.AnalystEmail);
        var body = await TestHost.JsonAsync(await api.GetAsync("/api/v1/analytics/dashboard", None));

        var dimensions = body.GetProperty("digital_maturity_by_dimension").EnumerateArray().ToList();
        Assert.Equal(
            ["digital_business_strategy", "digital_readiness", "human_centric_digitalisation", "data_management", "automation_ai", "green_digitalisation"],
            dimensions.Select(d => d.GetProperty("dimension").GetString()).Take(6));
        foreach (var d in dimensions)
        {
            var bands = d.GetProperty("bands").EnumerateArray().ToList();
            Assert.Equal(["0-20", "20-40", "40-60", "60-80", "80-100"], bands.Select(b => b.GetProperty("key").GetString()));
            var counts = bands.Select(b => b.GetProperty("count")).Append(d.GetProperty("enterprises_reporting"));
            Assert.All(counts.Where(c => c.ValueKind == JsonValueKind.Number), c => Assert.False(c.GetInt32() is > 0 and < MinFrequency, $"{d.GetProperty("dimension")} publishes a count of {c.GetInt32()}"));
            if (d.GetProperty("suppressed").GetString() == "min_frequency")
            {
                Assert.Equal(JsonValueKind.Null, d.GetProperty("mean").ValueKind);
                Assert.All(bands, b => Assert.Equal(JsonValueKind.Null, b.GetProperty("count").ValueKind));
            }
        }

        using var browser = await platform.SignInAsync(DemoSeeder.AnalystEmail);
        var html = await (await browser.GetAsync("/analytics", None)).Content.ReadAsStringAsync(None);
        Assert.Contains("id=\"table-dimensions\"", html, StringComparison.Ordinal);
        Assert.Contains("Human-centric digitalisation", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_district_whose_needs_come_from_fewer_than_five_firms_shows_suppressed_never_the_value()
    {
        using var api = await platform.ApiAsync(DemoSeeder.AnalystEmail);
        var collaboration = (await TestHost.JsonAsync(await api.GetAsync("/api/v1/analytics/dashboard", None))).GetProperty("collaboration");
        var from = DateOnly.Parse(collaboration.GetProperty("from").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var posted = new DateTimeOffset(from.AddDays(10).ToDateTime(new TimeOnly(6, 30)), TimeSpan.Zero);

        // Two districts no demo need is in: three needs from one firm in one, six from one firm in the other.
        var (few, oneFirm) = await platform.WithDbAsync(async db =>
        {
            var used = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Needs.Select(n => n.District).Distinct(), None);
            var free = new[] { "Wayanad", "Idukki", "Kasaragod", "Pathanamthitta", "Kannur" }.Where(d => !used.Contains(d)).ToList();
            var firms = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Organisations.Select(o => o.Id).Take(2), None);
            for (var i = 0; i < 9; i++)
            {
                db.Needs.Add(new HiTech.Web.Data.Entities.Need
                {
                    Id = Guid.NewGuid(),
                    OrganisationId = firms[i < 3 ? 0 : 1],
                    HelpKind = "testing-certification",
                    District = i < 3 ? free[0] : free[1],
                    Summary = $"Disclosure test need {i}",
                    PostedAt = posted,
                });
            }

            await db.SaveChangesAsync(None);
            return (free[0].ToLowerInvariant(), free[1].ToLowerInvariant());
        });

        var body = await TestHost.JsonAsync(await api.GetAsync("/api/v1/analytics/dashboard", None));
        var byDistrict = body.GetProperty("collaboration").GetProperty("needs_by_district").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!);
        foreach (var district in new[] { few, oneFirm })
        {
            Assert.Equal(JsonValueKind.Null, byDistrict[district].GetProperty("count").ValueKind);
            Assert.Equal("min_frequency", byDistrict[district].GetProperty("suppressed").GetString());
        }

        Assert.All(byDistrict.Values.Select(c => c.GetProperty("count")).Where(c => c.ValueKind == JsonValueKind.Number), c => Assert.False(c.GetInt32() is > 0 and < MinFrequency));

        using var browser = await platform.SignInAsync(DemoSeeder.AnalystEmail);
        var html = await (await browser.GetAsync("/analytics", None)).Content.ReadAsStringAsync(None);
        var table = html[html.IndexOf("id=\"table-collaboration-districts\"", StringComparison.Ordinal)..];
        foreach (var district in new[] { few, oneFirm })
        {
            var row = table[table.IndexOf($"data-group=\"{district}\"", StringComparison.Ordinal)..];
            row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
            Assert.Contains("data-count=\"suppressed\"", row, StringComparison.Ordinal);
            Assert.Contains("hidden: fewer than 5 firms or providers", row, StringComparison.Ordinal);
            Assert.DoesNotContain(">3<", row, StringComparison.Ordinal);
            Assert.DoesNotContain(">6<", row, StringComparison.Ordinal);
        }

        AssertNoSmallCount(html);
    }

    private static void AssertNoSmallCount(string html)
    {
        foreach (Match m in DataCount().Matches(html))
        {
            var n = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(n is > 0 and < MinFrequency, $"the page publishes a count of {n}");
        }
    }

    [GeneratedRegex("data-district=\"[a-z]+\"")]
    private static partial Regex DistrictTile();

    [GeneratedRegex("data-count=\"(\\d+)\"")]
    private static partial Regex DataCount();
}
