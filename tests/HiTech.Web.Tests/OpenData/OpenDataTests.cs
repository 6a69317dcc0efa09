using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HiTech.Core.Analytics;
using HiTech.Web.Features.Analytics;
using HiTech.Web.Tests.Infrastructure;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace HiTech.Web.Tests.OpenData;

/// <summary>
/// The open data, page and /api/v1/indicators, for anyone: every format holds the page's cells, nothing suppressed
/// leaves in any of them, and no suppressed figure can be worked out from what is published.
/// </summary>
public sealed partial class OpenDataTests(OpenDataFixture platform) : IClassFixture<OpenDataFixture>
{
    private static readonly string[] Tables = ["headline", "by_district", "by_sector", "by_size", "tier_transitions", "pipeline"];
    private static readonly string[] Figures = ["enterprises", "hi_tech_enterprises", "value_added", "manufacturing_value_added", "mht_value_added", "sdg_9b1_share", "rd_spend", "rd_intensity", "digital_maturity_mean"];

    private static CancellationToken None => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anyone_reads_the_page_and_the_catalogue_without_signing_in()
    {
        using var anonymous = platform.Anonymous();
        var page = await anonymous.GetAsync("/open-data", None);
        var html = await page.Content.ReadAsStringAsync(None);
        Assert.True(page.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("Open data: hi-tech manufacturing in Kerala", html, StringComparison.Ordinal);
        Assert.Contains("kerala-htmf/", html, StringComparison.Ordinal);
        Assert.Contains("02-04-2026 12:00", html, StringComparison.Ordinal);
        Assert.Contains("fewer than 5 enterprises", html, StringComparison.Ordinal);
        Assert.Contains("p = 10", html, StringComparison.Ordinal);
        foreach (var table in Tables.Append("dictionary"))
        {
            foreach (var format in new[] { "csv", "xlsx", "json" })
            {
                Assert.Contains($"href=\"/api/v1/indicators/{table}?format={format}&amp;year=2025\"", html, StringComparison.Ordinal);
            }
        }

        var catalogue = await TestHost.JsonAsync(await anonymous.GetAsync("/api/v1/indicators", None));
        Assert.Equal(2025, catalogue.GetProperty("year").GetInt32());
        Assert.Equal(5, catalogue.GetProperty("disclosure").GetProperty("min_frequency").GetInt32());
        Assert.Contains("Handbook on Statistical Disclosure Control", catalogue.GetProperty("disclosure").GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("2026-04-02T06:30:00", catalogue.GetProperty("data_as_of").GetString(), StringComparison.Ordinal);
        var listed = catalogue.GetProperty("tables").EnumerateArray().ToList();
        Assert.Equal([.. Tables, "dictionary"], listed.Select(t => t.GetProperty("table").GetString()));
        Assert.All(listed.SelectMany(t => t.GetProperty("dictionary").EnumerateArray()), c =>
        {
            foreach (var field in new[] { "column", "meaning", "unit", "definition" })
            {
                Assert.False(string.IsNullOrWhiteSpace(c.GetProperty(field).GetString()), $"{c} has no {field}");
            }
        });

        // Every figure column points into docs/indicators.md, and every such definition exists there.
        var doc = await File.ReadAllTextAsync(Path.Combine(MalayalamCoverage.RepositoryRoot, "docs", "indicators.md"), None);
        foreach (var definition in listed.SelectMany(t => t.GetProperty("dictionary").EnumerateArray()).Select(c => c.GetProperty("definition").GetString()!)
                     .Where(d => d.StartsWith("docs/indicators.md, Definitions: ", StringComparison.Ordinal) && !d.EndsWith(": groups", StringComparison.Ordinal)))
        {
            Assert.Contains($"| `{definition["docs/indicators.md, Definitions: ".Length..]}` |", doc, StringComparison.Ordinal);
        }

        var csv = await anonymous.GetAsync("/api/v1/indicators/by_district?format=csv", None);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("kerala-hitech-by_district-2025.csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task Csv_excel_and_json_hold_the_same_cells_and_each_carries_the_version_as_of_and_rules()
    {
        using var anonymous = platform.Anonymous();
        foreach (var table in Tables.Append("dictionary"))
        {
            var json = await JsonRowsAsync(anonymous, table, 2025);
            var csv = await CsvRowsAsync(anonymous, table, 2025);
            var xlsx = await XlsxRowsAsync(anonymous, table, 2025);
            Assert.Equal(json.Count, csv.Count);
            Assert.Equal(json.Count, xlsx.Count);
            for (var i = 0; i < json.Count; i++)
            {
                foreach (var (column, value) in json[i])
                {
                    Assert.True(Same(value, csv[i][column]), $"{table} row {i} {column}: json {value}, csv {csv[i][column]}");
                    Assert.True(Same(value, xlsx[i][column]), $"{table} row {i} {column}: json {value}, xlsx {xlsx[i][column]}");
                }

                if (table != "dictionary")
                {
                    Assert.StartsWith("kerala-htmf/", csv[i]["framework_version"], StringComparison.Ordinal);
                    Assert.Equal("2026-04-02T06:30:00Z", csv[i]["data_as_of"]);
                    Assert.Equal("min_frequency=5; p_percent=10", csv[i]["disclosure_rules"]);
                }
            }
        }

        var file = await TestHost.JsonAsync(await anonymous.GetAsync("/api/v1/indicators/by_sector?format=json", None));
        Assert.Equal(10, file.GetProperty("disclosure").GetProperty("p_percent").GetDecimal());
        Assert.Contains("min_frequency", file.GetProperty("disclosure").GetProperty("in_words").GetString(), StringComparison.Ordinal);
        Assert.Contains(file.GetProperty("dictionary").EnumerateArray(), c => c.GetProperty("column").GetString() == "sdg_9b1_share" && c.GetProperty("unit").GetString() == "%");

        await using var excel = await (await anonymous.GetAsync("/api/v1/indicators/by_sector?format=xlsx", None)).Content.ReadAsStreamAsync(None);
        using var copy = new MemoryStream();
        await excel.CopyToAsync(copy, None);
        copy.Position = 0;
        Assert.Equal(["data", "dictionary", "about"], MiniExcel.GetSheetNames(copy));
        copy.Position = 0;
        var about = MiniExcel.Query(copy, useHeaderRow: true, sheetName: "about").Cast<IDictionary<string, object?>>().ToDictionary(r => (string)r["field"]!, r => r["value"]?.ToString());
        Assert.Equal("2026-04-02T06:30:00Z", about["data_as_of"]);
        Assert.Equal("5", about["min_frequency"]);
    }

    [Fact]
    public async Task The_downloads_hold_the_cells_the_page_shows()
    {
        using var anonymous = platform.Anonymous();
        var html = await (await anonymous.GetAsync("/open-data", None)).Content.ReadAsStringAsync(None);
        foreach (var (pageTable, table) in new[] { ("district", "by_district"), ("sector", "by_sector") })
        {
            var rows = (await JsonRowsAsync(anonymous, table, 2025)).ToDictionary(r => r["group"].GetString()!);
            var shown = PageRows(html, "table-" + pageTable);
            Assert.Equal(rows.Keys.Order(StringComparer.Ordinal), shown.Keys.Order(StringComparer.Ordinal));
            foreach (var (group, (rule, cells)) in shown)
            {
                var row = rows[group];
                Assert.Equal(rule, row["suppressed"].ValueKind == JsonValueKind.Null ? "" : row["suppressed"].GetString());
                for (var i = 0; i < GroupTableView.DashboardColumns.Count; i++)
                {
                    var indicator = GroupTableView.DashboardColumns[i];
                    if (rule.Length > 0)
                    {
                        Assert.StartsWith("hidden", cells[i], StringComparison.Ordinal);
                        continue;
                    }

                    var value = row[indicator];
                    var expected = DashboardIndicators.Format(indicator, value.ValueKind == JsonValueKind.Null ? null : value.GetDouble());
                    Assert.True(expected == cells[i], $"{table} {group} {indicator}: page {cells[i]}, download {value}");
                }
            }
        }

        // The headline rows: the page's four indicators for both years, as the headline download has them.
        var headline = (await JsonRowsAsync(anonymous, "headline", 2025)).ToDictionary(r => r["group"].GetString()!);
        var headlineCells = 0;
        foreach (Match m in HeadlineRow().Matches(html))
        {
            var indicator = m.Groups["indicator"].Value;
            foreach (Match cell in HeadlineCell().Matches(m.Value))
            {
                headlineCells++;
                var row = headline[cell.Groups["year"].Value];
                var text = System.Net.WebUtility.HtmlDecode(cell.Groups["text"].Value);
                var expected = Suppressed(row)
                    ? null
                    : DashboardIndicators.Format(indicator, row[indicator].ValueKind == JsonValueKind.Null ? null : row[indicator].GetDouble());
                Assert.True(expected is null ? text.StartsWith("hidden", StringComparison.Ordinal) : expected == text, $"headline {cell.Groups["year"].Value} {indicator}: page {text}, download {expected}");
            }
        }

        Assert.Equal(8, headlineCells);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2024)]
    public async Task No_suppressed_figure_leaves_in_any_format_nor_can_be_worked_out(int year)
    {
        using var anonymous = platform.Anonymous();
        var facts = platform.Facts;
        var files = new List<string>();
        var published = new Dictionary<string, List<Dictionary<string, JsonElement>>>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            published[table] = await JsonRowsAsync(anonymous, table, year);
            foreach (var format in new[] { "csv", "json" })
            {
                files.Add(await anonymous.GetStringAsync($"/api/v1/indicators/{table}?format={format}&year={year}", None));
            }
        }

        files.Add(await anonymous.GetStringAsync($"/open-data?year={year}", None));

        // Each year's total, wherever a table gives it (its total row, or the headline's row for the year).
        var knownTotals = KnownTotals(published, year);
        var hidden = 0;
        foreach (var (table, by) in new[] { ("by_district", GroupDimension.District), ("by_sector", GroupDimension.Sector), ("by_size", GroupDimension.Size) })
        {
            var rows = published[table].Where(r => r["group"].GetString() != GroupTotals.AllGroup).ToList();
            var truth = facts.Where(f => f.Year == year).GroupBy(f => by.KeyOf(f)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            Assert.Equal(truth.Keys.Order(StringComparer.Ordinal), rows.Select(r => r["group"].GetString()!).Order(StringComparer.Ordinal));
            var hiddenRows = rows.Where(Suppressed).ToList();
            foreach (var row in hiddenRows)
            {
                hidden++;
                var group = truth[row["group"].GetString()!];
                Assert.All(Figures, f => Assert.Equal(JsonValueKind.Null, row[f].ValueKind));

                // The true sums appear nowhere: not in any file, not on the page.
                foreach (var sum in new[] { group.Sum(f => f.ValueAddedInr ?? 0), group.Sum(f => f.RdSpendInr ?? 0) })
                {
                    Assert.All(files, text => Assert.False(ContainsNumber(text, sum), $"{table} {row["group"]}: its hidden sum {sum} is published"));
                }

                if (knownTotals.TryGetValue("enterprises", out var total))
                {
                    // The attacker: the total less the published rows, less at least one enterprise per other hidden row.
                    var upper = total - rows.Where(r => !Suppressed(r)).Sum(r => r["enterprises"].GetDecimal()) - (hiddenRows.Count - 1);
                    Assert.True(upper > 1 || group.Count > 1, $"{table} {row["group"]} is pinned to {group.Count}");
                    Assert.True(group.Count >= OpenDataFixture.MinFrequency || upper >= OpenDataFixture.MinFrequency, $"{table} {row["group"]}: {group.Count} enterprises, shown to be at most {upper}");
                    Assert.True(upper != group.Count || hiddenRows.Count > 1, $"{table} {row["group"]} is worked out as {group.Count}");
                }

                var hiTech = group.Count(f => f.HiTech);
                if (hiTech is > 0 and < OpenDataFixture.MinFrequency && knownTotals.TryGetValue("hi_tech_enterprises", out var hiTechTotal))
                {
                    var upper = hiTechTotal - rows.Where(r => !Suppressed(r)).Sum(r => r["hi_tech_enterprises"].GetDecimal());
                    Assert.True(upper >= OpenDataFixture.MinFrequency, $"{table} {row["group"]}: {hiTech} hi-tech enterprises, shown to be at most {upper}");
                }

                // A dominated value added cannot be estimated to within p% of its largest contribution.
                var contributions = group.Select(f => f.ValueAddedInr ?? 0).OrderDescending().ToList();
                var (sum2, x1, x2) = (contributions.Sum(), contributions[0], contributions.Count > 1 ? contributions[1] : 0);
                var protection = (OpenDataFixture.PPercent / 100m * x1) - (sum2 - x1 - x2);
                if (protection > 0 && knownTotals.TryGetValue("value_added", out var vaTotal))
                {
                    var upper = vaTotal - rows.Where(r => !Suppressed(r)).Sum(r => r["value_added"].GetDecimal());
                    Assert.True(upper >= sum2 + protection, $"{table} {row["group"]}: value added {sum2} estimated within {upper - sum2}");
                }
            }
        }

        // A hidden year in the headline: its sums appear nowhere either.
        foreach (var row in published["headline"].Where(r => Suppressed(r) && r["group"].GetString() != GroupTotals.AllGroup))
        {
            var sum = facts.Where(f => f.Year.ToString(CultureInfo.InvariantCulture) == row["group"].GetString()).Sum(f => f.ValueAddedInr ?? 0);
            Assert.All(files, text => Assert.False(ContainsNumber(text, sum), $"headline {row["group"]}: its hidden value added {sum} is published"));
        }

        Assert.True(hidden > 0, "the data set is made to have hidden cells");
        AttackTransitions(published["tier_transitions"], facts, year);
    }

    [Fact]
    public async Task A_year_too_small_for_its_district_table_publishes_its_total_nowhere()
    {
        // 2024: three districts of two enterprises. With every district hidden, the table must hide its total too,
        // so the same total may not appear in the sector table or the headline either (the sector table has one row).
        using var anonymous = platform.Anonymous();
        foreach (var table in new[] { "by_district", "by_sector", "by_size" })
        {
            var rows = await JsonRowsAsync(anonymous, table, 2024);
            Assert.All(rows, r => Assert.True(Suppressed(r), $"2024 {table} {r["group"]} is published"));
        }

        foreach (var year in new[] { 2024, 2025 })
        {
            var headline = (await JsonRowsAsync(anonymous, "headline", year)).Single(r => r["group"].GetString() == "2024");
            Assert.Equal("secondary", headline["suppressed"].GetString());
        }

        var pipeline = await JsonRowsAsync(anonymous, "pipeline", 2024);
        Assert.All(pipeline.Where(s => s["stage"].GetString() == "approved"), s => Assert.True(Suppressed(s)));

        // The big year stands: its total is published everywhere.
        var district2025 = await JsonRowsAsync(anonymous, "by_district", 2025);
        Assert.Equal(107, district2025.Single(r => r["group"].GetString() == GroupTotals.AllGroup)["enterprises"].GetInt32());
    }

    [Fact]
    public async Task An_unknown_table_format_or_year_is_a_problem_naming_what_is_allowed()
    {
        using var anonymous = platform.Anonymous();
        var unknown = await anonymous.GetAsync("/api/v1/indicators/by_village?format=csv", None);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("by_district", (await TestHost.JsonAsync(unknown)).GetProperty("title").GetString(), StringComparison.Ordinal);

        var format = await anonymous.GetAsync("/api/v1/indicators/by_district?format=pdf", None);
        Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
        Assert.Contains("csv, xlsx, json", (await TestHost.JsonAsync(format)).GetProperty("errors").GetProperty("format")[0].GetString(), StringComparison.Ordinal);

        var year = await anonymous.GetAsync("/api/v1/indicators/by_district?format=csv&year=1901", None);
        Assert.Equal(HttpStatusCode.BadRequest, year.StatusCode);
        Assert.Contains("1901", (await TestHost.JsonAsync(year)).GetProperty("errors").GetProperty("year")[0].GetString(), StringComparison.Ordinal);

        using var malayalam = platform.Anonymous("ml");
        var ml = await malayalam.GetAsync("/api/v1/indicators/by_village", None);
        Assert.Contains("പ്രസിദ്ധീകരിച്ച പട്ടികയില്ല", (await TestHost.JsonAsync(ml)).GetProperty("title").GetString(), StringComparison.Ordinal);

        var zip = await anonymous.GetAsync("/api/v1/indicators/all?year=2025", None);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        using var archive = new System.IO.Compression.ZipArchive(await zip.Content.ReadAsStreamAsync(None));
        Assert.Contains("kerala-hitech-dictionary-2025.csv", archive.Entries.Select(e => e.FullName));
        Assert.Contains("README.txt", archive.Entries.Select(e => e.FullName));
        Assert.Equal(Tables.Length + 2, archive.Entries.Count);
    }

    [Fact]
    public async Task The_page_reads_in_Malayalam()
    {
        using var malayalam = platform.Anonymous("ml");
        var response = await malayalam.GetAsync("/open-data", None);
        var html = await response.Content.ReadAsStringAsync(None);
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("<html lang=\"ml\"", html, StringComparison.Ordinal);
        Assert.Contains("തുറന്ന വിവരങ്ങൾ: കേരളത്തിലെ ഹൈ-ടെക് നിർമ്മാണം", html, StringComparison.Ordinal);
        Assert.Contains("എറണാകുളം", html, StringComparison.Ordinal);
        Assert.Contains("മറച്ചിരിക്കുന്നു: 5-ൽ കുറവ് സംരംഭങ്ങൾ", html, StringComparison.Ordinal);
        Assert.Contains("ഫ്രെയിംവർക്ക് പതിപ്പ്", html, StringComparison.Ordinal);
    }

    /// <summary>Whether the number is written in the text, on its own (not as part of a longer number), with or without decimals.</summary>
    private static bool ContainsNumber(string text, decimal number) =>
        Regex.IsMatch(text, $"(?<![0-9.]){Regex.Escape(number.ToString("0.##", CultureInfo.InvariantCulture))}(\\.0+)?(?![0-9])");

    private static bool Suppressed(Dictionary<string, JsonElement> row) => row["suppressed"].ValueKind == JsonValueKind.String;

    /// <summary>The year's totals as the published tables give them: a published total row, or the headline's row of the year.</summary>
    private static Dictionary<string, decimal> KnownTotals(Dictionary<string, List<Dictionary<string, JsonElement>>> published, int year)
    {
        var known = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var totals = new[] { "by_district", "by_sector", "by_size" }.Select(t => published[t].Single(r => r["group"].GetString() == GroupTotals.AllGroup))
            .Append(published["headline"].FirstOrDefault(r => r["group"].GetString() == year.ToString(CultureInfo.InvariantCulture)))
            .OfType<Dictionary<string, JsonElement>>()
            .Where(r => !Suppressed(r));
        foreach (var row in totals)
        {
            foreach (var figure in new[] { "enterprises", "hi_tech_enterprises", "value_added" })
            {
                known[figure] = row[figure].GetDecimal();
            }
        }

        return known;
    }

    /// <summary>Core's brute-force attacker on the published tier transitions, against the true counts from the facts.</summary>
    private static void AttackTransitions(List<Dictionary<string, JsonElement>> published, IReadOnlyList<EnterpriseFacts> facts, int year)
    {
        var before = facts.Where(f => f.Year == year - 1).ToDictionary(f => f.EnterpriseId, f => f.TierId, StringComparer.Ordinal);
        var moves = facts.Where(f => f.Year == year && before.ContainsKey(f.EnterpriseId)).Select(f => (From: before[f.EnterpriseId], To: f.TierId)).ToList();
        var tiers = published.Select(r => r["from_tier"].GetString()!).Where(t => t != GroupTotals.AllGroup).Distinct().ToList();
        if (tiers.Count == 0)
        {
            return;
        }

        var values = new int[tiers.Count + 1, tiers.Count + 1];
        var hidden = new bool[tiers.Count + 1, tiers.Count + 1];
        int Index(string tier) => tier == GroupTotals.AllGroup ? tiers.Count : tiers.IndexOf(tier);
        foreach (var row in published)
        {
            var (r, c) = (Index(row["from_tier"].GetString()!), Index(row["to_tier"].GetString()!));
            values[r, c] = moves.Count(m => (r == tiers.Count || m.From == tiers[r]) && (c == tiers.Count || m.To == tiers[c]));
            hidden[r, c] = Suppressed(row);
            Assert.True(hidden[r, c] || row["enterprises"].GetInt32() == values[r, c], $"transition {r},{c} publishes {row["enterprises"]}, truly {values[r, c]}");
            Assert.True(!hidden[r, c] || row["enterprises"].ValueKind == JsonValueKind.Null);
        }

        var attacker = new HiTech.Core.Tests.Analytics.TableAttacker(values, hidden);
        for (var r = 0; r <= tiers.Count; r++)
        {
            for (var c = 0; c <= tiers.Count; c++)
            {
                if (values[r, c] is > 0 and < OpenDataFixture.MinFrequency)
                {
                    Assert.True(hidden[r, c], $"transition {r},{c} of {values[r, c]} is published");
                    Assert.NotEqual(false, attacker.CanReach(r, c, OpenDataFixture.MinFrequency));
                }
            }
        }
    }

    private static bool Same(JsonElement json, string? other) => json.ValueKind switch
    {
        JsonValueKind.Null => string.IsNullOrEmpty(other),
        JsonValueKind.Number => decimal.TryParse(other, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && Math.Abs(n - json.GetDecimal()) < 0.000001m,
        _ => json.ToString() == other,
    };

    private static async Task<List<Dictionary<string, JsonElement>>> JsonRowsAsync(HttpClient client, string table, int year)
    {
        var response = await client.GetAsync($"/api/v1/indicators/{table}?format=json&year={year}", None);
        var body = await TestHost.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        if (table == "dictionary")
        {
            return [.. body.GetProperty("tables").EnumerateArray().SelectMany(t => t.GetProperty("dictionary").EnumerateArray().Select(c => new Dictionary<string, JsonElement>(StringComparer.Ordinal)
            {
                ["table"] = t.GetProperty("table"),
                ["column"] = c.GetProperty("column"),
                ["meaning"] = c.GetProperty("meaning"),
                ["unit"] = c.GetProperty("unit"),
                ["definition"] = c.GetProperty("definition"),
            }))];
        }

        return [.. body.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal))];
    }

    private static async Task<List<Dictionary<string, string>>> CsvRowsAsync(HttpClient client, string table, int year)
    {
        var text = await client.GetStringAsync($"/api/v1/indicators/{table}?format=csv&year={year}", None);
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(text);
        var rows = new List<Dictionary<string, string>>();
        var names = reader.Header.ColNames;
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                values[name] = row[name].ToString();
            }

            rows.Add(values);
        }

        // The dictionary's CSV ends with the columns every CSV carries, under table *.
        return table == "dictionary" ? [.. rows.Where(r => r["table"] != "*")] : rows;
    }

    private static async Task<List<Dictionary<string, string?>>> XlsxRowsAsync(HttpClient client, string table, int year)
    {
        var bytes = await client.GetByteArrayAsync($"/api/v1/indicators/{table}?format=xlsx&year={year}", None);
        using var stream = new MemoryStream(bytes);
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "data").Cast<IDictionary<string, object?>>()
            .Select(r => r.ToDictionary(p => p.Key, p => p.Value switch
            {
                null => null,
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var o => o.ToString(),
            }, StringComparer.Ordinal))
            .ToList();
        return table == "dictionary" ? [.. rows.Where(r => r["table"] != "*")] : rows;
    }

    /// <summary>The rows of a page table: group id, the rule that hid it (empty when shown) and each cell's text.</summary>
    private static Dictionary<string, (string Rule, List<string> Cells)> PageRows(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the page has no {id}");
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        var rows = new Dictionary<string, (string, List<string>)>(StringComparer.Ordinal);
        foreach (Match m in PageRow().Matches(table))
        {
            var cells = PageCell().Matches(m.Groups["cells"].Value).Select(c => System.Net.WebUtility.HtmlDecode(c.Groups[1].Value).Trim()).ToList();
            rows[m.Groups["group"].Value] = (m.Groups["rule"].Value, cells);
        }

        return rows;
    }

    [GeneratedRegex("<tr class=\"govuk-table__row\" data-group=\"(?<group>[^\"]+)\" data-rule=\"(?<rule>[^\"]*)\">(?<cells>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex PageRow();

    [GeneratedRegex("<td [^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex PageCell();

    [GeneratedRegex("<tr class=\"govuk-table__row\" data-indicator=\"(?<indicator>[a-z0-9_]+)\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex HeadlineRow();

    [GeneratedRegex("<td [^>]*data-year=\"(?<year>\\d+)\">(?<text>[^<]*)</td>", RegexOptions.Singleline)]
    private static partial Regex HeadlineCell();
}
