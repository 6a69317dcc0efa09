using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HiTech.Web.Tests.EndToEnd;

/// <summary>
/// On a phone (390 px) nothing scrolls sideways: the assessments list, a result, the review queue and a review with its
/// audit trail, the professionals' search, a provider's directory entry with its record, and the partnerships list, in
/// English and in Malayalam. Screenshots at 390 px and at 1280 px are kept for a person to look at.
/// </summary>
public sealed class ResponsiveTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("en")]
    [InlineData("ml")]
    public async Task No_page_is_wider_than_a_390_px_phone(string language)
    {
        fixture.SkipIfUnavailable();
        var (assessed, reviewed) = await PagesAsync();
        var lab = await LabAsync();
        var overflows = new List<string>();
        var violations = new List<string>();
        foreach (var width in new[] { 390, 1280 })
        {
            await using var owner = await SignedInAsync($"responsive-{language}-{width}-owner", DemoSeeder.OwnerEmail, language, width);
            await owner.GotoAsync("/assessments", "assessments");
            await owner.GotoAsync($"/assessments/{assessed}/result", "result");
            await owner.GotoAsync("/professionals", "professionals");
            await owner.GotoAsync($"/directory/{lab}", "directory-entry");
            await Assertions.Expect(owner.Page.Locator("main h1")).ToContainTextAsync("Meenachil");
            await owner.GotoAsync("/partnerships", "partnerships");

            await using var assessor = await SignedInAsync($"responsive-{language}-{width}-assessor", DemoSeeder.AssessorEmail, language, width);
            await assessor.GotoAsync("/reviews", "queue");
            await assessor.GotoAsync($"/reviews/{reviewed}#audit", "review-and-audit");
            await Assertions.Expect(assessor.Page.Locator(".hitech-audit")).ToBeVisibleAsync();

            foreach (var journey in new[] { owner, assessor })
            {
                Assert.Empty(journey.NotMalayalam);
                overflows.AddRange(journey.Overflows.Select(o => $"{width} px: {o}"));
                violations.AddRange(journey.Violations);
            }
        }

        Assert.True(overflows.Count == 0, "Pages wider than the window:\n  " + string.Join("\n  ", overflows));
        Assert.True(violations.Count == 0, "axe-core found serious or critical accessibility problems:\n  " + string.Join("\n  ", violations.Distinct()));
    }

    /// <summary>A browser signed in through the sign-in page, in <paramref name="language"/>.</summary>
    private async Task<Journey> SignedInAsync(string name, string email, string language, int width)
    {
        var journey = await fixture.StartAsync(name, width: width);
        var page = journey.Page;
        // Once more if the first sign-in does not leave the page (seen once in CI, cause unknown): the page's own words
        // go into the failure, so a refusal is told from a slow machine.
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync("/account/sign-in");
            await page.Locator("#Email").FillAsync(email);
            await page.Locator("#Password").FillAsync("Demo#2025");
            await page.Locator("main form button[type=submit].govuk-button").First.ClickAsync();
            try
            {
                await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal), new() { Timeout = attempt == 1 ? 30_000 : 60_000 });
                break;
            }
            catch (TimeoutException) when (attempt == 1)
            {
                Console.WriteLine($"{name}: still on the sign-in page after 30 s: {await page.Locator("main").InnerTextAsync()}");
            }
            catch (TimeoutException refused)
            {
                throw new TimeoutException($"{name}: {email} could not sign in: {await page.Locator("main").InnerTextAsync()}", refused);
            }
        }

        var choose = page.Locator($"button[name=language][value={language}]");
        if (await choose.CountAsync() > 0)
        {
            await choose.ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        journey.ExpectMalayalam = language == "ml";
        return journey;
    }

    /// <summary>The demo's rubber testing laboratory, the provider with a record of answered introductions.</summary>
    private async Task<Guid> LabAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Providers.AsNoTracking().Where(p => p.Name == DemoProviders.LabName).Select(p => p.Id).SingleAsync();
    }

    /// <summary>
    /// The demo owner's assessment with a result, and a submitted assessment of the demo assessor with an audit trail
    /// (its long values must wrap, not widen the page).
    /// </summary>
    private async Task<(Guid Assessed, Guid Reviewed)> PagesAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var owner = await db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoSeeder.OwnerEmail);
        var assessor = await db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoSeeder.AssessorEmail);
        var withResult = db.AssessmentResults.Select(r => r.AssessmentId);
        var assessed = await db.Assessments.AsNoTracking()
            .Where(a => a.OrganisationId == owner.OrganisationId && withResult.Contains(a.Id))
            .OrderBy(a => a.Year).Select(a => a.Id).FirstAsync();
        var reviewed = await db.Assessments.AsNoTracking()
            .Where(a => a.Status == AssessmentStatus.Submitted && a.AssessorId == assessor.Id)
            .OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        if (!await db.AuditEntries.AnyAsync(e => e.EntityId == reviewed.ToString() && e.Action == AuditAction.SaveInputs))
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = DateTimeOffset.UtcNow,
                UserId = owner.Id,
                Entity = nameof(Assessment),
                EntityId = reviewed.ToString(),
                Action = AuditAction.SaveInputs,
                Before = """{"turnover":120000000,"high_value_stage_share":0.25,"export_markets":["asean","eu"]}""",
                After = """{"turnover":180000000,"high_value_stage_share":0.4,"export_markets":["asean","eu","usa","middle_east"]}""",
            });
            await db.SaveChangesAsync();
        }

        return (assessed, reviewed);
    }
}
