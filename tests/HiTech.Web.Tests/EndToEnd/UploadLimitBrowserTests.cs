using System.Net;
using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HiTech.Web.Tests.EndToEnd;

/// <summary>
/// A 20 MB scan chosen on the evidence page in Chromium: with script, the page refuses it before sending, in the user's
/// language; without script, the server answers with the same page and message instead of a reset connection.
/// </summary>
public sealed class UploadLimitBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static FilePayload Scan() => new() { Name = "scan.pdf", MimeType = "application/pdf", Buffer = [.. BrowserFixture.Pdf("scan"), .. new byte[20 * 1024 * 1024]] };

    private async Task<(IBrowserContext Context, IPage Page, string Url)> OpenAsync(string locale, bool javaScript)
    {
        Guid id;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var owner = await db.Users.AsNoTracking().Where(u => u.Email == DemoSeeder.OwnerEmail).Select(u => u.OrganisationId).SingleAsync();
            var framework = await db.FrameworkVersions.AsNoTracking().Where(f => f.Active).Select(f => new { f.FrameworkId, f.Version }).FirstAsync();
            var taken = await db.Assessments.Where(a => a.OrganisationId == owner).Select(a => a.Year).ToListAsync();
            var now = DateTimeOffset.UtcNow;
            id = Guid.NewGuid();
            db.Assessments.Add(new Assessment
            {
                Id = id,
                OrganisationId = owner!.Value,
                Year = Enumerable.Range(1950, 50).First(y => !taken.Contains(y)),
                FrameworkId = framework.FrameworkId,
                FrameworkVersion = framework.Version,
                Status = AssessmentStatus.Draft,
                CreatedAt = now,
                UpdatedAt = now,
            });
            await db.SaveChangesAsync();
        }

        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString().TrimEnd('/'),
            Locale = locale,
            JavaScriptEnabled = javaScript,
        });
        var (name, value) = await fixture.Factory.AuthCookieAsync(DemoSeeder.OwnerEmail);
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = name, Value = value, Url = fixture.BaseAddress.ToString() }]);
        var page = await context.NewPageAsync();
        var url = $"/assessments/{id}/evidence/turnover";
        var opened = await page.GotoAsync(url);
        Assert.Equal((int)HttpStatusCode.OK, opened!.Status);
        return (context, page, url);
    }

    [Theory]
    [InlineData("en-GB", "The selected file must be smaller than 10 MB")]
    [InlineData("ml", "തിരഞ്ഞെടുത്ത ഫയൽ")]
    public async Task With_script_the_file_is_refused_before_it_is_sent(string locale, string message)
    {
        fixture.SkipIfUnavailable();
        var (context, page, url) = await OpenAsync(locale, javaScript: true);
        await using var _ = context;
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;

        await page.Locator("#File").SetInputFilesAsync(Scan());
        await page.Locator("form[enctype='multipart/form-data'] button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync(message);
        await Assertions.Expect(page.Locator("#File-error")).ToContainTextAsync(message);
        Assert.EndsWith(url, page.Url, StringComparison.Ordinal);
        Assert.Equal(0, posts);
    }

    [Theory]
    [InlineData("en-GB", "The selected file must be smaller than 10 MB")]
    [InlineData("ml", "തിരഞ്ഞെടുത്ത ഫയൽ")]
    public async Task Without_script_the_server_answers_with_the_page_and_its_message(string locale, string message)
    {
        fixture.SkipIfUnavailable();
        var (context, page, _) = await OpenAsync(locale, javaScript: false);
        await using var _ = context;

        await page.Locator("#File").SetInputFilesAsync(Scan());
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.Locator("form[enctype='multipart/form-data'] button[type=submit]").ClickAsync(),
            response => response.Request.Method == "POST");
        Assert.Equal((int)HttpStatusCode.OK, answer.Status);
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync(message);
    }
}
