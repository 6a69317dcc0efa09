using System.Globalization;
using System.Net;
using System.Text.Json;
using HiTech.Core.Analytics;
using HiTech.Core.Reference;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Analytics;

/// <summary>
/// The attacker with the dashboard's filters: the unfiltered tables of a year and the same tables for every priority
/// sector, every size class and every pair of them. Subtracting a published filtered cell from its published
/// unfiltered cell gives the enterprises outside the filter; adding up the views of every sector but one gives that
/// one; a two-filter view against the one-filter views gives those in one filter but not the other, or in neither.
/// None of these may be a figure the rules would hide (1 to 4 enterprises or hi-tech enterprises, or a value added
/// dominated by one or two of them). Also the default year: the latest publishable.
/// </summary>
public sealed class FilterDifferencingTests(FilterAttackFixture platform) : IClassFixture<FilterAttackFixture>
{
    private const int MinFrequency = 5;
    private const decimal PPercent = 10m;

    private static CancellationToken None => TestContext.Current.CancellationToken;

    /// <summary>One published figure set: enterprises, hi-tech enterprises and value added (null when hidden).</summary>
    private sealed record Cell(int? Enterprises, int? HiTech, decimal? ValueAdded);

    public static TheoryData<string, string> Filters()
    {
        var data = new TheoryData<string, string>();
        foreach (var sector in ReferenceData.LoadFromDirectory(Path.Combine(AppContext.BaseDirectory, "reference-data")).PrioritySectors.All)
        {
            data.Add("sector", sector.Id);
        }

        foreach (var size in SizeClasses.All)
        {
            data.Add("size", size);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task No_filtered_view_subtracted_from_the_unfiltered_one_gives_a_hidden_figure(string filter, string value)
    {
        using var api = await platform.ApiAsync(DemoSeeder.AnalystEmail);
        var all = await ApiCellsAsync(api, $"year={FilterAttackFixture.Year}");
        var filtered = await ApiCellsAsync(api, $"year={FilterAttackFixture.Year}&{filter}={value}");
        Attack(all, filtered, Keep(filter, value), "API");

        var pageAll = await PageCellsAsync(null, null);
        var pageFiltered = await PageCellsAsync(filter == "sector" ? value : null, filter == "size" ? value : null);
        Attack(pageAll, pageFiltered, Keep(filter, value), "page");
    }

    [Theory]
    [InlineData("sector")]
    [InlineData("size")]
    public async Task No_set_of_views_of_one_filter_adds_up_to_a_hidden_figure(string filter)
    {
        using var api = await platform.ApiAsync(DemoSeeder.AnalystEmail);
        var all = await ApiCellsAsync(api, $"year={FilterAttackFixture.Year}");
        var values = filter == "sector" ? Sectors : [.. SizeClasses.All];
        var views = new Dictionary<string, Dictionary<string, Cell>>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            views[value] = await ApiCellsAsync(api, $"year={FilterAttackFixture.Year}&{filter}={value}");
        }

        // The enterprises of no priority sector are in no sector's view: for the attacker, one more unknown part.
        var unseen = filter == "sector" ? 1 : 0;
        foreach (var (key, whole) in all)
        {
            if (whole.Enterprises is not { } total)
            {
                continue;
            }

            // A row a view does not list has no enterprise in it: known to be 0.
            var known = values.Where(v => !views[v].TryGetValue(key, out var c) || c.Enterprises is not null).ToList();
            if (values.Count - known.Count + unseen != 1)
            {
                continue;
            }

            var rest = total - known.Sum(v => views[v].TryGetValue(key, out var c) ? c.Enterprises!.Value : 0);
            var truth = Group(key).Count(f => !known.Contains(filter == "sector" ? f.SectorId ?? string.Empty : f.SizeClass));
            Assert.True(rest == truth, $"{key}: the attacker's {rest} are not the {truth} in the one part unknown");
            Assert.False(rest is > 0 and < MinFrequency, $"{key}: {rest} enterprises worked out by adding up the views of every {filter} but one");
        }
    }

    [Fact]
    public async Task Two_filters_against_one_and_none_give_nothing_away()
    {
        using var api = await platform.ApiAsync(DemoSeeder.AnalystEmail);
        var query = $"year={FilterAttackFixture.Year}";
        var all = await ApiCellsAsync(api, query);
        var sizes = platform.Facts.Select(f => f.SizeClass).Distinct().ToList();
        var bySize = new Dictionary<string, Dictionary<string, Cell>>(StringComparer.Ordinal);
        foreach (var size in sizes)
        {
            bySize[size] = await ApiCellsAsync(api, $"{query}&size={size}");
        }

        var compared = 0;
        foreach (var sector in platform.Facts.Select(f => f.SectorId!).Distinct())
        {
            var sectorView = await ApiCellsAsync(api, $"{query}&sector={sector}");
            foreach (var size in sizes)
            {
                var both = await ApiCellsAsync(api, $"{query}&sector={sector}&size={size}");
                foreach (var (key, cell) in both.Where(c => c.Value.Enterprises is not null))
                {
                    var n = cell.Enterprises!.Value;
                    int? Shown(Dictionary<string, Cell> view) => view.TryGetValue(key, out var c) ? c.Enterprises : 0;
                    var (s, m, u) = (Shown(sectorView), Shown(bySize[size]), Shown(all));
                    var people = Group(key).ToList();
                    if (s is { } inSector)
                    {
                        Assert.False(inSector - n is > 0 and < MinFrequency, $"{sector}, {size}, {key}: {inSector - n} of the sector outside the size");
                        compared++;
                    }

                    if (m is { } inSize)
                    {
                        Assert.False(inSize - n is > 0 and < MinFrequency, $"{sector}, {size}, {key}: {inSize - n} of the size outside the sector");
                    }

                    if (s is not null && m is not null && u is not null)
                    {
                        var neither = u.Value - s.Value - m.Value + n;
                        Assert.Equal(people.Count(f => f.SectorId != sector && f.SizeClass != size), neither);
                        Assert.False(neither is > 0 and < MinFrequency, $"{sector}, {size}, {key}: {neither} in neither worked out");
                    }
                }
            }
        }

        Assert.True(compared > 20, "the two-filter views show something to attack");
    }

    private static List<string> Sectors =>
        [.. ReferenceData.LoadFromDirectory(Path.Combine(AppContext.BaseDirectory, "reference-data")).PrioritySectors.All.Select(s => s.Id)];

    [Fact]
    public async Task The_data_set_tempts_the_attacker()
    {
        // ESDM leaves 1 to 4 enterprises out of most districts: the unprotected tables would give them away.
        // (Known limit, see the report: the ESDM view now hides every district; over-protection, not a leak.)
        var year = platform.Facts.Where(f => f.Year == FilterAttackFixture.Year).ToList();
        Assert.True(year.GroupBy(f => f.DistrictId).Count(g => g.Count(f => f.SectorId != "esdm") is > 0 and < MinFrequency) >= 4);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Without_a_year_the_dashboard_and_open_data_show_the_latest_year_that_can_be_published()
    {
        using var api = await platform.ApiAsync(DemoSeeder.AnalystEmail);
        var body = await JsonAsync(api, "/api/v1/analytics/dashboard");
        Assert.Equal(FilterAttackFixture.Year, body.GetProperty("year").GetInt32());
        Assert.Contains(FilterAttackFixture.NewYear, body.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Contains(body.GetProperty("by_district").GetProperty("rows").EnumerateArray(), r => r.GetProperty("suppressed").ValueKind == JsonValueKind.Null);

        // The year just begun, asked for, is honoured: every district hidden.
        var newest = await JsonAsync(api, $"/api/v1/analytics/dashboard?year={FilterAttackFixture.NewYear}");
        Assert.Equal(FilterAttackFixture.NewYear, newest.GetProperty("year").GetInt32());
        Assert.All(newest.GetProperty("by_district").GetProperty("rows").EnumerateArray(), r => Assert.Equal(JsonValueKind.String, r.GetProperty("suppressed").ValueKind));

        using var anonymous = platform.Anonymous();
        var catalogue = await JsonAsync(anonymous, "/api/v1/indicators");
        Assert.Equal(FilterAttackFixture.Year, catalogue.GetProperty("year").GetInt32());
        var page = await anonymous.GetStringAsync("/open-data", None);
        Assert.Contains($"<option value=\"{FilterAttackFixture.Year}\" selected", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hidden_headline_figure_reads_as_a_sentence_not_at_the_size_of_a_figure()
    {
        using var browser = await platform.BrowserAsync(DemoSeeder.AnalystEmail, "en");
        var html = await browser.GetHtmlAsync($"/analytics?year={FilterAttackFixture.NewYear}");
        var tiles = System.Text.RegularExpressions.Regex.Matches(html, "<div class=\"govuk-grid-column-one-half hitech-tile\"[\\s\\S]*?</h3>\\s*<p class=\"([^\"]*)\">([^<]*)</p>");
        Assert.NotEmpty(tiles);
        Assert.All(tiles, tile =>
        {
            Assert.StartsWith("hidden:", tile.Groups[2].Value.Trim(), StringComparison.Ordinal);
            Assert.DoesNotContain("font-size-36", tile.Groups[1].Value, StringComparison.Ordinal);
        });
    }

    private Func<EnterpriseFacts, bool> Keep(string filter, string value) =>
        filter == "sector" ? f => f.SectorId == value : f => f.SizeClass == value;

    /// <summary>Every pair of published cells (unfiltered, filtered) of the same group: their difference is the enterprises outside the filter.</summary>
    private void Attack(Dictionary<string, Cell> all, Dictionary<string, Cell> filtered, Func<EnterpriseFacts, bool> keep, string where)
    {
        foreach (var (key, cell) in filtered)
        {
            if (!all.TryGetValue(key, out var whole) || cell.Enterprises is not { } n || whole.Enterprises is not { } total)
            {
                continue;
            }

            var outside = Group(key).Where(f => !keep(f)).ToList();
            Assert.True(outside.Count == total - n, $"{where} {key}: the attacker's {total - n} are not the {outside.Count} outside the filter");
            Assert.False(total - n is > 0 and < MinFrequency, $"{where} {key}: {total - n} enterprises outside the filter worked out");
            if (cell.HiTech is { } h && whole.HiTech is { } wh)
            {
                Assert.False(wh - h is > 0 and < MinFrequency, $"{where} {key}: {wh - h} hi-tech enterprises outside the filter worked out");
            }

            if (cell.ValueAdded is not null && whole.ValueAdded is not null && outside.Count > 0)
            {
                var values = outside.Select(f => f.ValueAddedInr ?? 0).OrderDescending().ToList();
                var (sum, x1, x2) = (values.Sum(), values[0], values.Count > 1 ? values[1] : 0);
                Assert.False((PPercent / 100m * x1) - (sum - x1 - x2) > 0, $"{where} {key}: the dominated value added outside the filter ({sum}) worked out");
            }
        }
    }

    /// <summary>The true enterprises of a published cell, filter aside.</summary>
    private IEnumerable<EnterpriseFacts> Group(string key)
    {
        var parts = key.Split(':');
        var year = platform.Facts.Where(f => f.Year == FilterAttackFixture.Year).ToList();
        var before = platform.Facts.Where(f => f.Year == FilterAttackFixture.Year - 1).ToDictionary(f => f.EnterpriseId, f => f.TierId, StringComparer.Ordinal);
        return parts[0] switch
        {
            "headline" => platform.Facts.Where(f => f.Year.ToString(CultureInfo.InvariantCulture) == parts[1]),
            "transition" => year.Where(f => before.TryGetValue(f.EnterpriseId, out var from) && $"{from}|{f.TierId}" == parts[1]),
            "dma" => year.Where(f => f.DmaDimensions is { } d && d.TryGetValue(parts[1], out var s) && (parts[2] == GroupTotals.AllGroup || DistributionDisclosure.BandKey(ScoreDistribution.BandOf(s)) == parts[2])),
            _ when parts[1] == GroupTotals.AllGroup => year,
            var table => year.Where(f => By(table).KeyOf(f) == parts[1]),
        };
    }

    private static GroupDimension By(string table) => table switch
    {
        "by_district" => GroupDimension.District,
        "by_sector" => GroupDimension.Sector,
        _ => GroupDimension.Size,
    };

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, None);
        var text = await response.Content.ReadAsStringAsync(None);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<Dictionary<string, Cell>> ApiCellsAsync(HttpClient api, string query)
    {
        var body = await JsonAsync(api, "/api/v1/analytics/dashboard?" + query);
        var cells = new Dictionary<string, Cell>(StringComparer.Ordinal);
        static int? Int(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetInt32() : null;
        foreach (var table in new[] { "headline", "by_district", "by_sector", "by_size" })
        {
            var rows = body.GetProperty(table).GetProperty("rows").EnumerateArray().Append(body.GetProperty(table).GetProperty("total"));
            foreach (var row in rows)
            {
                var va = row.GetProperty("value_added");
                cells[$"{table}:{row.GetProperty("group").GetString()}"] = new Cell(
                    Int(row.GetProperty("enterprises")), Int(row.GetProperty("hi_tech_enterprises")), va.ValueKind == JsonValueKind.Number ? va.GetDecimal() : null);
            }
        }

        var transitions = body.GetProperty("tier_transitions");
        var tiers = transitions.GetProperty("tiers").EnumerateArray().Select(t => t.GetString()!).ToList();
        foreach (var (row, r) in transitions.GetProperty("cells").EnumerateArray().Select((row, r) => (row, r)))
        {
            foreach (var (cell, c) in row.EnumerateArray().Select((cell, c) => (cell, c)))
            {
                cells[$"transition:{tiers[r]}|{tiers[c]}"] = new Cell(Int(cell), null, null);
            }
        }

        foreach (var dimension in body.GetProperty("digital_maturity_by_dimension").EnumerateArray())
        {
            var id = dimension.GetProperty("dimension").GetString();
            cells[$"dma:{id}:{GroupTotals.AllGroup}"] = new Cell(Int(dimension.GetProperty("enterprises_reporting")), null, null);
            foreach (var band in dimension.GetProperty("bands").EnumerateArray())
            {
                cells[$"dma:{id}:{band.GetProperty("key").GetString()}"] = new Cell(Int(band.GetProperty("count")), null, null);
            }
        }

        return cells;
    }

    /// <summary>The cells the page model renders (the dashboard page's figures), in the same keys as the API's.</summary>
    private async Task<Dictionary<string, Cell>> PageCellsAsync(string? sector, string? size)
    {
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        var page = ActivatorUtilities.CreateInstance<Features.Analytics.IndexModel>(scope.ServiceProvider);
        page.PageContext = new PageContext();
        (page.Year, page.Sector, page.Size) = (FilterAttackFixture.Year.ToString(CultureInfo.InvariantCulture), sector, size);
        await page.OnGetAsync(None);
        var d = page.Figures ?? throw new InvalidOperationException("the page shows no figures");
        var cells = new Dictionary<string, Cell>(StringComparer.Ordinal);
        foreach (var (name, table) in new[] { ("headline", d.Tables.Headline), ("by_district", d.Tables.ByDistrict), ("by_sector", d.Tables.BySector), ("by_size", d.Tables.BySize) })
        {
            foreach (var row in table.Rows.Append(table.Total))
            {
                cells[$"{name}:{row.Key}"] = new Cell(row.Values?.Enterprises, row.Values?.HiTechEnterprises, row.Values?.ValueAddedInr);
            }
        }

        for (var r = 0; r < d.Tables.Transitions.Tiers.Count; r++)
        {
            for (var c = 0; c < d.Tables.Transitions.Tiers.Count; c++)
            {
                cells[$"transition:{d.Tables.Transitions.Tiers[r]}|{d.Tables.Transitions.Tiers[c]}"] = new Cell(d.Tables.Transitions.Cells[r][c], null, null);
            }
        }

        foreach (var dimension in d.Tables.Dimensions)
        {
            cells[$"dma:{dimension.Id}:{GroupTotals.AllGroup}"] = new Cell(dimension.Reporting, null, null);
            for (var b = 0; b < dimension.Bands.Count; b++)
            {
                cells[$"dma:{dimension.Id}:{DistributionDisclosure.BandKey(b)}"] = new Cell(dimension.Bands[b], null, null);
            }
        }

        return cells;
    }
}
