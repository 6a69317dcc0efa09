using Microsoft.Playwright;

namespace HiTech.Web.Tests.EndToEnd;

/// <summary>
/// The department's figures in a real browser, in English and Malayalam, at 1280 px and 390 px (a phone): the analyst
/// reads the district map and SDG 9.b.1 on the dashboard; anyone, without signing in, reads the open data and
/// downloads a table as CSV through the page's link. Every page is checked with axe-core and for sideways scrolling.
/// </summary>
public sealed class AnalyticsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("en", 1280)]
    [InlineData("ml", 1280)]
    [InlineData("en", 390)]
    [InlineData("ml", 390)]
    public async Task The_analyst_reads_the_map_and_SDG_9b1_and_anyone_downloads_the_open_data(string language, int width)
    {
        fixture.SkipIfUnavailable();
        var malayalam = language == "ml";
        var browserLanguage = malayalam ? "ml" : "en-GB";

        // The analyst, on the dashboard with SDG 9.b.1 chosen for the map.
        await using var analyst = await fixture.StartAsync($"analytics-{language}-{width}-analyst", acceptLanguage: browserLanguage, width: width);
        await JourneyTests.SignInAsync(analyst, DemoSeeder.AnalystEmail);
        await JourneyTests.SwitchLanguageAsync(analyst, language);
        analyst.ExpectMalayalam = malayalam;
        await analyst.GotoAsync("/analytics?indicator=sdg_9b1_share", "dashboard");
        var page = analyst.Page;
        await Assertions.Expect(page.Locator("#as-of")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg.hitech-map")).ToBeVisibleAsync();
        Assert.Equal(14, await page.Locator("svg.hitech-map g[data-district]").CountAsync());
        await Assertions.Expect(page.Locator("#table-district")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".hitech-tile[data-indicator=sdg_9b1_share]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#indicator")).ToHaveValueAsync("sdg_9b1_share");
        await Assertions.Expect(page.Locator("#map")).ToContainTextAsync(malayalam ? "ജില്ലകൾ" : "Districts: SDG 9.b.1");
        await Assertions.Expect(page.Locator("#table-district")).ToContainTextAsync(malayalam ? "എറണാകുളം" : "Ernakulam");

        // A size class: on the demo's few enterprises disclosure control hides much of it, and each hidden figure says
        // why in words the tiles and the tables still hold.
        await analyst.GotoAsync("/analytics?size=small", "dashboard-filtered");
        await Assertions.Expect(page.Locator("#size")).ToHaveValueAsync("small");
        await Assertions.Expect(page.Locator(".hitech-tile[data-indicator=hi_tech_enterprises]")).ToBeVisibleAsync();

        // Anyone: the open data, and one table downloaded as CSV through the page's own link.
        await using var visitor = await fixture.StartAsync($"analytics-{language}-{width}-open-data", acceptLanguage: browserLanguage, width: width);
        visitor.ExpectMalayalam = malayalam;
        await visitor.GotoAsync("/open-data", "open-data");
        var open = visitor.Page;
        await Assertions.Expect(open.Locator("#framework-version")).ToContainTextAsync("kerala-htmf/");
        await Assertions.Expect(open.Locator("#as-of")).ToBeVisibleAsync();
        await Assertions.Expect(open.Locator("#disclosure")).ToContainTextAsync(malayalam ? "p = 10" : "fewer than 5 enterprises");
        await Assertions.Expect(open.Locator("#table-headline")).ToBeVisibleAsync();
        await Assertions.Expect(open.Locator("#table-district")).ToContainTextAsync(malayalam ? "എറണാകുളം" : "Ernakulam");
        await Assertions.Expect(open.Locator("#table-sector")).ToBeVisibleAsync();
        var districts = await open.Locator("#table-district tbody tr").CountAsync();

        var link = open.Locator("#table-downloads tr[data-table=by_district] a[data-format=csv]");
        var download = await open.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Matches("^kerala-hitech-by_district-[0-9]{4}\\.csv$", download.SuggestedFilename);
        var saved = Path.Combine(visitor.Folder, download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        var lines = await File.ReadAllLinesAsync(saved, TestContext.Current.CancellationToken);
        Assert.StartsWith("year,group,group_name,enterprises,hi_tech_enterprises,", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",suppressed,framework_version,data_as_of,disclosure_rules", lines[0], StringComparison.Ordinal);
        Assert.Equal(districts, lines.Length - 1);
        Assert.Contains(lines, l => l.Contains(",min_frequency,", StringComparison.Ordinal));

        var journeys = new[] { analyst, visitor };
        var problems = journeys.SelectMany(j => j.Violations).Distinct().ToList();
        Assert.True(problems.Count == 0, "axe-core found serious or critical accessibility problems:\n  " + string.Join("\n  ", problems));
        var overflows = journeys.SelectMany(j => j.Overflows).ToList();
        Assert.True(overflows.Count == 0, $"Pages wider than {width} px:\n  " + string.Join("\n  ", overflows));
        var english = journeys.SelectMany(j => j.NotMalayalam).ToList();
        Assert.True(english.Count == 0, "Pages not in Malayalam:\n  " + string.Join("\n  ", english));
        Assert.All(journeys, j => Assert.True(j.AxeRuns > 0));
    }
}
