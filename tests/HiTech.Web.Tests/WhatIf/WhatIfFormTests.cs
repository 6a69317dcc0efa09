using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HiTech.Core.Analytics.WhatIf;
using HiTech.Core.Scoring;
using HiTech.Web.Data.Entities;
using HiTech.Web.Features.WhatIf;
using HiTech.Web.Tests.Infrastructure;
using HiTech.Web.Tests.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.WhatIf;

/// <summary>
/// What-if by form (the version in force with some numbers changed) and over a registry file: the run moves whom the
/// same proposal as a file moves, a wrong number is named beside its field in both languages, and a registry's
/// rejected rows are counted and listed with their line and why.
/// </summary>
public sealed partial class WhatIfFormTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    [GeneratedRegex("<input[^>]*name=\"(Settings\\[[^\\]]+\\]|Version|Year)\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex TextField();

    [GeneratedRegex("<input[^>]*name=\"Gate\"[^>]*value=\"([^\"]+)\"\\s*checked")]
    private static partial Regex CheckedGate();

    /// <summary>The form as a browser would post it: every field as shown, the checked gates, then the changes.</summary>
    private static MultipartFormDataContent Form(string html, IReadOnlyDictionary<string, string> changes, byte[]? registry = null, bool assessments = true)
    {
        var fields = TextField().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        var content = new MultipartFormDataContent { { new StringContent(Browser.Token(html)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (Match gate in CheckedGate().Matches(html))
        {
            content.Add(new StringContent(WebUtility.HtmlDecode(gate.Groups[1].Value)), "Gate");
        }

        if (assessments)
        {
            content.Add(new StringContent("true"), "Assessments");
        }

        if (registry is not null)
        {
            content.Add(new ByteArrayContent(registry), "Registry", "registry.csv");
        }

        return content;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(Browser browser, IReadOnlyDictionary<string, string> changes, byte[]? registry = null, bool assessments = true)
    {
        var html = await browser.GetHtmlAsync("/analytics/what-if/change");
        using var content = Form(html, changes, registry, assessments);
        return await browser.Client.PostAsync("/analytics/what-if/change", content, None);
    }

    private static Guid RunOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private Task<WhatIfRun> FinishedAsync(Guid id) => WhatIfRunWait.FinishedAsync(platform, id);

    private ActivityClassifier Classifier => platform.Factory.Services.GetRequiredService<ActivityClassifier>();

    private static WhatIfReport ReportOf(WhatIfRun run) => JsonSerializer.Deserialize<WhatIfReport>(run.ResultJson!, RunWhatIf.Json)!;

    [Fact]
    public async Task Lowering_a_threshold_in_the_form_moves_whom_the_same_proposal_as_a_file_moves_and_records_the_change()
    {
        using var browser = await platform.SignInAsync(DemoSeeder.AnalystEmail);
        var registry = GeneratedRegistry.Csv(Classifier, 6000);
        var run = await FinishedAsync(RunOf(await PostFormAsync(browser, new Dictionary<string, string> { ["Version"] = "2099.11", ["Settings[tiers.hitech.min_index]"] = "40" }, registry)));
        Assert.True(run.Status == WhatIfRunStatus.Done, run.Error);
        Assert.Equal(("2099.11", WhatIfPopulations.Both), (run.ProposalVersion, run.Population));
        Assert.Contains("tiers.hitech.min_index", run.ProposalChanges, StringComparison.Ordinal);

        // The same change made by hand in the file, uploaded with the same population: the same movers, tiers and cost.
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference-data", "frameworks", "kerala-htmf", "2025.1", "framework.yaml"))
            .Replace("version: \"2025.1\"", "version: \"2099.12\"", StringComparison.Ordinal)
            .Replace("    min_index: 55", "    min_index: 40", StringComparison.Ordinal);
        var page = await browser.GetHtmlAsync("/analytics/what-if");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(Browser.Token(page)), "__RequestVerificationToken" },
            { new StringContent(run.Year.ToString(CultureInfo.InvariantCulture)), "Year" },
            { new StringContent("true"), "Assessments" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(yaml)), "Upload", "by-hand.yaml" },
            { new ByteArrayContent(registry), "Registry", "registry.csv" },
        };
        var byHand = await FinishedAsync(RunOf(await browser.Client.PostAsync("/analytics/what-if", upload, None)));
        var (form, file) = (ReportOf(run), ReportOf(byHand));
        Assert.True(form.Movers.Cells[0][0] >= 5, JsonSerializer.Serialize(form.Movers));
        Assert.Equal(0, form.Movers.Cells[0][1]);
        Assert.True(form.Cost.NetTotalInr > 0, JsonSerializer.Serialize(form.Cost));
        Assert.Equal(file.Movers.Cells, form.Movers.Cells);
        Assert.Equal(file.Transitions.Cells, form.Transitions.Cells);
        Assert.Equal(file.Cost.NetTotalInr, form.Cost.NetTotalInr);

        // The run page shows what was changed, and the diff a publication would carry says the same.
        var html = await browser.GetHtmlAsync($"/analytics/what-if/{run.Id}");
        Assert.Matches("<code>tiers.hitech.min_index</code></td>\\s*<td[^>]*>55</td>\\s*<td[^>]*>40</td>", html);
        Assert.Matches("id=\"changes\"[\\s\\S]*<code>tiers.hitech.min_index</code>", html);
        Assert.Contains("id=\"cost-total\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Enter a number for emerging, with digits and a point, for example 12.5", "The pillar weights add up to 110; they must add up to 100")]
    [InlineData("ml", "emerging-ന് അക്കങ്ങളും ദശാംശ ബിന്ദുവും ഉപയോഗിച്ച് ഒരു സംഖ്യ നൽകുക, ഉദാഹരണത്തിന് 12.5", "സ്തംഭങ്ങളുടെ വെയ്റ്റുകളുടെ ആകെ 110 ആണ്; അത് 100 ആയിരിക്കണം")]
    public async Task A_wrong_number_is_named_beside_its_field_in_the_users_language_and_nothing_is_queued(string language, string notANumber, string weightsSum)
    {
        using var browser = await platform.BrowserAsync(DemoSeeder.AnalystEmail, cultureCookie: language);
        var before = await platform.WithDbAsync(db => db.WhatIfRuns.CountAsync());

        var response = await PostFormAsync(browser, new Dictionary<string, string> { ["Version"] = "2099.13", ["Settings[tiers.emerging.min_index]"] = "2O" });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(None));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<a href=\"#Settings-tiers-emerging-min_index\">{notANumber}</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Settings-tiers-emerging-min_index-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2O\"", html, StringComparison.Ordinal);

        // A number the loader refuses: the pillar weights no longer add up to 100, shown at the first pillar's weight.
        response = await PostFormAsync(browser, new Dictionary<string, string> { ["Version"] = "2099.13", ["Settings[pillars.rnd.weight]"] = "35" });
        html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(None));
        Assert.Contains($"<a href=\"#Settings-pillars-technology-weight\">{weightsSum}</a>", html, StringComparison.Ordinal);

        Assert.Equal(before, await platform.WithDbAsync(db => db.WhatIfRuns.CountAsync()));
    }

    [Fact]
    public async Task A_registry_population_is_run_over_its_rows_and_its_rejects_are_counted_and_listed_with_line_and_reason()
    {
        using var browser = await platform.SignInAsync(DemoSeeder.AnalystEmail);
        var id = RunOf(await PostFormAsync(
            browser,
            new Dictionary<string, string> { ["Version"] = "2099.14", ["Settings[tiers.hitech.min_index]"] = "40" },
            GeneratedRegistry.Csv(Classifier, 120, GeneratedRegistry.Broken(Classifier, "BROKEN-7", 6, "many")),
            assessments: false));
        var run = await FinishedAsync(id);
        Assert.True(run.Status == WhatIfRunStatus.Done, run.Error);
        Assert.Equal(WhatIfPopulations.Registry, run.Population);
        Assert.Equal((121L, 120L, 1L), (run.RegistryRows, run.RegistryUsed, run.RegistryRejected));
        Assert.Equal(120, ReportOf(run).Scored + ReportOf(run).Rejected);

        var html = WebUtility.HtmlDecode(await browser.GetHtmlAsync($"/analytics/what-if/{id}"));
        Assert.Contains("Registry registry.csv: 121 rows read, 120 used, 1 rejected", html, StringComparison.Ordinal);
        Assert.Matches("data-label=\"Line\">2</td>\\s*<td[^>]*>BROKEN-7</td>\\s*<td[^>]*><code>employees</code>", html);
    }

    [Fact]
    public async Task A_registry_uploaded_again_is_not_read_again_its_rows_are_scored_from_the_columns_imported_the_first_time()
    {
        using var browser = await platform.SignInAsync(DemoSeeder.AnalystEmail);
        var registry = GeneratedRegistry.Csv(Classifier, 333, GeneratedRegistry.Broken(Classifier, "ONCE-1", 6, "many"));
        var changes = new Dictionary<string, string> { ["Version"] = "2099.16", ["Settings[tiers.hitech.min_index]"] = "40" };
        var first = await FinishedAsync(RunOf(await PostFormAsync(browser, changes, registry, assessments: false)));
        Assert.True(first.Status == WhatIfRunStatus.Done, first.Error);
        var files = platform.Factory.Services.GetRequiredService<WhatIfFiles>();
        Assert.True(File.Exists(files.ImportedPathOf(first.RegistryFile!)), "the registry's columns are not kept beside it");

        // The kept file is emptied to its header: a run that read it again would find no rows.
        var header = Encoding.UTF8.GetString(registry).Split('\n')[0] + "\n";
        await File.WriteAllTextAsync(files.PathOf(first.RegistryFile!), header, None);
        var second = await FinishedAsync(RunOf(await PostFormAsync(browser, changes, registry, assessments: false)));

        Assert.True(second.Status == WhatIfRunStatus.Done, second.Error);
        Assert.Equal(first.RegistryFile, second.RegistryFile);
        Assert.Equal((334L, 333L, 1L), (second.RegistryRows, second.RegistryUsed, second.RegistryRejected));
        Assert.Equal(first.RegistryRejects, second.RegistryRejects);
        Assert.Equal(first.ResultJson, second.ResultJson);
    }

    [Fact]
    public async Task A_registry_that_is_not_a_table_or_cannot_be_scored_is_refused_before_anything_is_queued()
    {
        using var browser = await platform.SignInAsync(DemoSeeder.AnalystEmail);
        var before = await platform.WithDbAsync(db => db.WhatIfRuns.CountAsync());
        var changes = new Dictionary<string, string> { ["Version"] = "2099.15", ["Settings[tiers.hitech.min_index]"] = "40" };

        var pdf = await PostFormAsync(browser, changes, TestHost.Pdf());
        Assert.Contains("The registry must be a CSV file (UTF-8 text) or an Excel workbook (.xlsx)", WebUtility.HtmlDecode(await pdf.Content.ReadAsStringAsync(None)), StringComparison.Ordinal);

        var header = await PostFormAsync(browser, changes, "name,colour\nx,red\n"u8.ToArray());
        var html = WebUtility.HtmlDecode(await header.Content.ReadAsStringAsync(None));
        Assert.Contains("The registry cannot be used:", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Registry\"", html, StringComparison.Ordinal);

        var nobody = await PostFormAsync(browser, changes, assessments: false);
        Assert.Contains("Choose the population", WebUtility.HtmlDecode(await nobody.Content.ReadAsStringAsync(None)), StringComparison.Ordinal);

        Assert.Equal(before, await platform.WithDbAsync(db => db.WhatIfRuns.CountAsync()));
        Assert.Empty(Directory.EnumerateFiles(platform.Factory.Services.GetRequiredService<WhatIfFiles>().Folder, "upload-*"));
    }

    [Fact]
    public async Task Workers_racing_for_one_queued_run_execute_it_once()
    {
        var id = Guid.NewGuid();
        await platform.WithDbAsync(async db =>
        {
            var yaml = await db.FrameworkVersions.Where(f => f.Active).Select(f => f.Yaml).FirstAsync();
            db.WhatIfRuns.Add(new WhatIfRun
            {
                Id = id,
                RequestedBy = Guid.NewGuid(),
                ProposalName = "race.yaml",
                ProposalFrameworkId = "kerala-htmf",
                ProposalVersion = "2025.1",
                ProposalYaml = yaml,
                BaselineVersion = "2025.1",
                Population = WhatIfPopulations.ApprovedAssessments,
                Year = 1900,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        var services = platform.Factory.Services;
        WhatIfWorker Worker() => new(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<WhatIfWorker>.Instance);
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Worker().RunNextAsync(None))));

        // The platform's own worker may have claimed it first; either way no two executed it.
        Assert.True(claims.Count(c => c) <= 1);
        Assert.Equal(WhatIfRunStatus.Done, (await FinishedAsync(id)).Status);
    }
}
