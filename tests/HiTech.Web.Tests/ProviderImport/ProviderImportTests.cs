using System.Net;
using System.Text;
using HiTech.Core.Collaboration;
using HiTech.Web.Data.Entities;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace HiTech.Web.Tests.ProviderImport;

/// <summary>
/// Importing a department's list of providers: every row read is imported, updated or rejected (with line and reason,
/// downloadable); a second import updates; files are told apart by content and refused when they are not tables; only
/// partnerships officers and admins import.
/// </summary>
public sealed class ProviderImportTests(TestHost host) : IClassFixture<TestHost>
{
    private const string Header = "provider_id,name,kind,district,nic_codes,stages,certifications,services,remote,expires_on,services_ml,website,technologies";

    private static CancellationToken None => TestContext.Current.CancellationToken;

    internal static string List(string prefix, string name = "Rubber Board Testing Lab") => string.Join('\n',
        Header,
        $"{prefix}-1,{name},tic-lab,Kottayam,2219,testing-certification,nabl,Rubber testing,false,2027-06-30,റബ്ബർ പരിശോധന,https://lab.example.in,sensors-iot",
        $"{prefix}-2,Marine Design Cell,design-engineering,Cochin,301,design-engineering,,Hull design,true,,,,",
        $"{prefix}-3,Bad Kind Lab,laboratory,Kottayam,2219,,,,false,2027-06-30,,,",
        $"{prefix}-4,Nowhere Lab,tic-lab,Madras,2219,,,,false,2027-06-30,,,",
        $"{prefix}-1,Repeated Lab,tic-lab,Kottayam,2219,,,,false,2027-06-30,,,",
        $"{prefix}-6,Anita (returnee),professional,Thrissur,28,,,,true,2027-06-30,,,",
        $"{prefix}-7,Bad Site Lab,tic-lab,Thrissur,2219,,,,false,2027-06-30,,javascript:alert(1),") + "\n";

    private static async Task<(HttpResponseMessage Response, string Html)> UploadAsync(Browser browser, byte[] content, string name)
    {
        var form = await browser.GetAsync("/provider-import", None);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var token = Browser.Token(await form.Content.ReadAsStringAsync(None));
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "File", name },
        };
        var response = await browser.Client.PostAsync("/provider-import?handler=import", body, None);
        return (response, await response.Content.ReadAsStringAsync(None));
    }

    [Fact]
    public async Task An_officer_imports_a_list_every_row_is_accounted_for_and_a_second_import_updates()
    {
        using var browser = await host.SignInAsync(DemoSeeder.OfficerEmail);
        var officer = await host.UserIdAsync(DemoSeeder.OfficerEmail);
        var before = await host.WithDbAsync(db => db.Providers.CountAsync());

        var (response, html) = await UploadAsync(browser, Encoding.UTF8.GetBytes(List("DEPT")), "providers.txt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2 imported, 0 updated, 5 rejected", html, StringComparison.Ordinal);
        Assert.Contains("7 rows read", html, StringComparison.Ordinal);
        Assert.Contains("&#x27;laboratory&#x27; is not a provider kind", html, StringComparison.Ordinal);
        Assert.Contains("&#x27;Madras&#x27; is not one of Kerala", html, StringComparison.Ordinal);
        Assert.Contains("already on line 2", html, StringComparison.Ordinal);
        Assert.Contains("register themselves, with their consent", html, StringComparison.Ordinal);
        Assert.Contains("is not a web address", html, StringComparison.Ordinal);
        Assert.Equal(before + 2, await host.WithDbAsync(db => db.Providers.CountAsync()));

        var lab = await host.WithDbAsync(db => db.Providers.AsNoTracking().SingleAsync(p => p.Id == ProviderImportRows.KeyOf("DEPT-1")));
        Assert.Equal((ProviderStatus.Verified, officer, new DateOnly(2027, 6, 30)), (lab.Status, lab.VerifiedBy, lab.ExpiresOn));
        Assert.Equal(("Kottayam", "2219", "nabl", "റബ്ബർ പരിശോധന", "https://lab.example.in", "sensors-iot"), (lab.District, lab.NicCodes, lab.Certifications, lab.ServicesMl, lab.Website, lab.Technologies));
        var design = await host.WithDbAsync(db => db.Providers.AsNoTracking().SingleAsync(p => p.Id == ProviderImportRows.KeyOf("DEPT-2")));
        Assert.Equal(("Ernakulam", true), (design.District, design.Remote));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(12), design.ExpiresOn);
        var audited = new[] { lab.Id.ToString(), design.Id.ToString() };
        Assert.Equal(2, await host.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Entity == "Provider" && e.UserId == officer && audited.Contains(e.EntityId))));

        // The rejects file: one line per rejected row, naming its line, id, column and reason.
        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/provider-import\\?handler=rejects&amp;id=[0-9a-f-]+)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        var rejects = await browser.GetAsync(link, None);
        Assert.Equal(HttpStatusCode.OK, rejects.StatusCode);
        var lines = (await rejects.Content.ReadAsStringAsync(None)).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("line,provider_id,field,reason", lines[0]);
        Assert.Equal(["4", "5", "6", "7", "8"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.StartsWith("4,DEPT-3,kind,", lines[1], StringComparison.Ordinal);

        // Nobody else reads it.
        using var other = await host.SignInAsync(DemoSeeder.AdminEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link, None)).StatusCode);

        // The same list again, one name changed: updated in place, nothing added.
        var (_, again) = await UploadAsync(browser, Encoding.UTF8.GetBytes(List("DEPT", "Rubber Board Testing Laboratory")), "providers.csv");
        Assert.Contains("0 imported, 2 updated, 5 rejected", again, StringComparison.Ordinal);
        Assert.Equal(before + 2, await host.WithDbAsync(db => db.Providers.CountAsync()));
        Assert.Equal("Rubber Board Testing Laboratory", await host.WithDbAsync(db => db.Providers.Where(p => p.Id == lab.Id).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task An_excel_list_imports_through_the_api_with_the_same_counts()
    {
        using var api = await host.ApiAsync(DemoSeeder.OfficerEmail);
        var rows = List("XLSX").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        var sheet = rows.Skip(1).Select(cells => rows[0].Select((column, i) => (column, cells[i])).ToDictionary(c => c.column, c => (object)c.Item2)).ToList();
        using var workbook = new MemoryStream();
        await workbook.SaveAsAsync(sheet, cancellationToken: None);

        using var body = new MultipartFormDataContent { { new ByteArrayContent(workbook.ToArray()), "file", "list.bin" } };
        var response = await api.PostAsync("/api/v1/providers/import", body, None);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(None));
        var json = await TestHost.JsonAsync(response);
        Assert.Equal((7, 2, 0, 5), (json.GetProperty("read").GetInt32(), json.GetProperty("imported").GetInt32(), json.GetProperty("updated").GetInt32(), json.GetProperty("rejected").GetInt32()));
        Assert.Equal(4, json.GetProperty("rejects")[0].GetProperty("line").GetInt64());
        Assert.Equal("kind", json.GetProperty("rejects")[0].GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("html")]
    [InlineData("header")]
    [InlineData("empty")]
    public async Task A_file_that_is_not_a_providers_table_is_refused_with_the_reason_and_nothing_changes(string kind)
    {
        using var browser = await host.SignInAsync(DemoSeeder.OfficerEmail);
        var before = await host.WithDbAsync(db => db.Providers.CountAsync());
        var (content, expected) = kind switch
        {
            "pdf" => (TestHost.Pdf(), "neither CSV text"),
            "html" => (Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>"), "neither CSV text"),
            "header" => (Encoding.UTF8.GetBytes("provider_id,name,kind\nP1,Lab,tic-lab\n"), "the required column district is missing"),
            _ => ([], "Choose a CSV or Excel file"),
        };
        var (response, html) = await UploadAsync(browser, content, "providers.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Equal(before, await host.WithDbAsync(db => db.Providers.CountAsync()));
    }

    [Fact]
    public async Task Only_officers_and_admins_import_and_the_page_speaks_malayalam()
    {
        using var owner = await host.ApiAsync(DemoSeeder.OwnerEmail);
        using var body = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(List("NO"))), "file", "p.csv" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsync("/api/v1/providers/import", body, None)).StatusCode);
        using var lab = await host.BrowserAsync(DemoSeeder.LabEmail);
        var page = await lab.GetAsync("/provider-import", None);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("access-denied", page.Headers.Location?.ToString(), StringComparison.Ordinal);

        using var admin = await host.BrowserAsync(DemoSeeder.AdminEmail, "ml");
        var html = await admin.GetHtmlAsync("/provider-import");
        Assert.Contains("സേവനദാതാക്കളുടെ പട്ടിക ഇറക്കുമതി ചെയ്യുക", html, StringComparison.Ordinal);
        var refused = ProviderImportRows.KeyOf("NO-1");
        Assert.Equal(0, await host.WithDbAsync(db => db.Providers.CountAsync(p => p.Id == refused)));
    }
}
