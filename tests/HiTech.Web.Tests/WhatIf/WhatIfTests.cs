using System.Net;
using System.Text.Json;
using HiTech.Core.Analytics;
using HiTech.Core.Analytics.WhatIf;
using HiTech.Web.Data.Entities;
using HiTech.Web.Features.WhatIf;
using HiTech.Web.Tests.Infrastructure;
using HiTech.Web.Tests.Reviews;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.WhatIf;

/// <summary>What-if: a proposal run over this year's approved assessments in the background, disclosed, kept, and published by an admin only.</summary>
public sealed class WhatIfTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    private static string ShippedFramework() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference-data", "frameworks", "kerala-htmf", "2025.1", "framework.yaml"));

    /// <summary>The shipped framework as a new version whose Emerging tier starts at 20 instead of 35.</summary>
    private static string LowerEmergingThreshold(string version) => ShippedFramework()
        .Replace("version: \"2025.1\"", $"version: \"{version}\"", StringComparison.Ordinal)
        .Replace("    min_index: 35", "    min_index: 20", StringComparison.Ordinal);

    private static async Task<HttpResponseMessage> UploadAsync(Browser browser, string yaml, string name, int? year = null)
    {
        var form = await browser.GetHtmlAsync("/analytics/what-if");
        var defaultYear = System.Text.RegularExpressions.Regex.Match(form, "id=\"Year\" name=\"Year\" type=\"text\" inputmode=\"numeric\" value=\"(\\d+)\"").Groups[1].Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Browser.Token(form)), "__RequestVerificationToken" },
            { new StringContent(year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? defaultYear), "Year" },
            { new StringContent("true"), "Assessments" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(yaml)), "Upload", name },
        };
        return await browser.Client.PostAsync("/analytics/what-if", content, None);
    }

    private Task<WhatIfRun> FinishedAsync(Guid id) => WhatIfRunWait.FinishedAsync(platform, id);

    private static IEnumerable<int?> Figures(PublishedTable table) =>
        table.Cells.SelectMany(r => r).Concat(table.RowTotals).Concat(table.ColumnTotals).Append(table.Total);

    [Fact]
    public async Task A_proposal_with_errors_is_refused_with_line_column_and_rule_and_nothing_is_queued()
    {
        using var browser = await platform.SignInAsync(DemoSeeder.AnalystEmail);
        var before = await platform.WithDbAsync(db => db.WhatIfRuns.CountAsync());
        var response = await UploadAsync(browser, ShippedFramework().Replace("    min_index: 35", "    min_index: 135", StringComparison.Ordinal), "bad.yaml");
        var html = await response.Content.ReadAsStringAsync(None);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("was not run. Nothing was stored.", html, StringComparison.Ordinal);
        Assert.Matches("<code>\\d+:\\d+</code>", html);
        Assert.Equal(before, await platform.WithDbAsync(db => db.WhatIfRuns.CountAsync()));
    }

    [Fact]
    public async Task Lowering_a_threshold_moves_enterprises_up_and_every_published_figure_passes_disclosure_control()
    {
        using var browser = await platform.SignInAsync(DemoSeeder.AnalystEmail);
        var response = await UploadAsync(browser, LowerEmergingThreshold("2099.1"), "lower-emerging.yaml");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        var run = await FinishedAsync(id);
        Assert.True(run.Status == WhatIfRunStatus.Done, run.Error);
        Assert.Equal(100, run.Progress);
        var report = JsonSerializer.Deserialize<WhatIfReport>(run.ResultJson!, RunWhatIf.Json)!;

        // The population is the year's approved assessments, one per enterprise.
        var approved = await platform.WithDbAsync(db => db.Assessments.Where(a => a.Status == AssessmentStatus.Approved && a.Year == run.Year).Select(a => a.OrganisationId).Distinct().CountAsync());
        Assert.True(approved > 0);
        Assert.Equal(approved, report.Scored + report.Rejected);
        Assert.Equal(["hitech-leader", "hitech", "emerging", "conventional"], report.Transitions.Rows);

        // Nobody moves down when a threshold is only lowered: the proposal's column of downward movers is 0 or hidden.
        Assert.NotEqual(0, report.Movers.Cells[0][0] ?? -1);
        Assert.True(report.Movers.Cells[0][1] is null or 0);

        // Every published count is 0 or at least the minimum frequency, in every table.
        var rules = DisclosureRules.LoadFromDirectory(Path.Combine(AppContext.BaseDirectory, "reference-data"));
        foreach (var table in new[] { report.Movers, report.Transitions, report.ByDistrict, report.BySector, report.BySize, report.Cost.Enterprises })
        {
            Assert.All(Figures(table), n => Assert.False(n is > 0 && n < rules.MinFrequency, $"a count of {n} is published"));
        }

        Assert.Contains(report.Indicators, i => i.Id == "hi_tech_enterprises");
        Assert.Contains(report.Indicators, i => i.Id == "sdg_9b1_share");

        // The page shows it, names no enterprise, and carries the diff.
        var html = await browser.GetHtmlAsync($"/analytics/what-if/{id}");
        Assert.Contains("Tier transitions", html, StringComparison.Ordinal);
        Assert.Contains("tiers.emerging.min_index", html, StringComparison.Ordinal);
        var names = await platform.WithDbAsync(db => db.Organisations.Select(o => o.Name).ToListAsync());
        Assert.All(names, name => Assert.DoesNotContain(name, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_an_admin_publishes_a_proposal_and_the_version_links_to_its_simulation()
    {
        using var analyst = await platform.SignInAsync(DemoSeeder.AnalystEmail);
        var response = await UploadAsync(analyst, LowerEmergingThreshold("2099.2"), "publish-me.yaml");
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.Equal(WhatIfRunStatus.Done, (await FinishedAsync(id)).Status);

        async Task<HttpResponseMessage> PublishAsync(Browser browser)
        {
            var page = await browser.GetHtmlAsync("/analytics/what-if");
            using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", Browser.Token(page))]);
            return await browser.Client.PostAsync($"/analytics/what-if/{id}?handler=publish", form, None);
        }

        // An analyst is refused (the sign-in's access-denied page) and nothing is published.
        var refused = await PublishAsync(analyst);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("access-denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(await platform.WithDbAsync(db => db.FrameworkVersions.AnyAsync(f => f.Version == "2099.2")));

        using var admin = await platform.SignInAsync(DemoSeeder.AdminEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(admin)).StatusCode);
        var published = await platform.WithDbAsync(db => db.FrameworkVersions.AsNoTracking().SingleAsync(f => f.Version == "2099.2"));
        Assert.Equal(id, published.SimulationRunId);
        Assert.False(published.Active);
        Assert.Contains("Published as version 2099.2", await admin.GetHtmlAsync($"/analytics/what-if/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_finished_runs_compare_side_by_side()
    {
        using var browser = await platform.SignInAsync(DemoSeeder.AnalystEmail);
        var ids = new List<Guid>();
        foreach (var version in new[] { "2099.3", "2099.4" })
        {
            var response = await UploadAsync(browser, LowerEmergingThreshold(version), $"compare-{version}.yaml");
            ids.Add(Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]));
        }

        foreach (var id in ids)
        {
            Assert.Equal(WhatIfRunStatus.Done, (await FinishedAsync(id)).Status);
        }

        var html = await browser.GetHtmlAsync($"/analytics/what-if/compare?run={ids[0]}&run={ids[1]}");
        Assert.Contains("compare-2099.3.yaml", html, StringComparison.Ordinal);
        Assert.Contains("compare-2099.4.yaml", html, StringComparison.Ordinal);
        Assert.Contains("data-indicator=\"hi_tech_enterprises\"", html, StringComparison.Ordinal);
        Assert.Contains("Tick two finished runs", await browser.GetHtmlAsync($"/analytics/what-if/compare?run={ids[0]}"), StringComparison.Ordinal);
    }
}
