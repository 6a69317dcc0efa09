using System.Text;
using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Features.Partnerships;
using HiTech.Web.Tests.Introductions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HiTech.Web.Tests.EndToEnd;

/// <summary>
/// The collaboration platform in a real browser, on the demo ecosystem: the demo owner turns a step of its digital
/// maturity roadmap into a need, finds the rubber-testing lab among the matches and sends an expression of interest;
/// the lab (lab@demo.local) signs in and accepts; the lab records the testing service they agreed, and 30 days on
/// (the follow-up job run with a clock a month ahead) the owner answers "what happened?" on the partnership's page.
/// A partnerships officer imports a department list. In English and Malayalam, at 1280 and 390 px; every page
/// screenshotted (bin/.../artifacts/screenshots/collaboration-*), checked with axe-core and for sideways scrolling.
/// </summary>
public sealed class CollaborationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("en", 1280)]
    [InlineData("ml", 1280)]
    [InlineData("en", 390)]
    [InlineData("ml", 390)]
    public async Task The_owner_finds_the_lab_for_a_roadmap_step_and_the_lab_accepts(string language, int width)
    {
        fixture.SkipIfUnavailable();
        var malayalam = language == "ml";
        var name = $"collaboration-{language}-{width}";
        var roadmap = await OwnerRoadmapAsync();

        // (a) The owner: the roadmap, "Find help for this step", the need pre-filled, posted.
        await using var owner = await fixture.StartAsync($"{name}-1-owner", width: width);
        await JourneyTests.SignInAsync(owner, DemoSeeder.OwnerEmail);
        await InLanguageAsync(owner, language);
        var page = owner.Page;
        await owner.GotoAsync($"/maturity/{roadmap}", "roadmap");
        await owner.ClickAsync(page.Locator("main a[href^='/needs/new?from=roadmap:']").First, "need-prefilled");
        Assert.StartsWith("/needs/new", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.Locator("#HelpKind").SelectOptionAsync("testing-certification");
        await page.Locator("input[name=ProviderKinds][value=tic-lab]").CheckAsync();
        await page.Locator("#NicCode").FillAsync("2219");
        await page.Locator("#Stage").SelectOptionAsync("testing-certification");
        await page.Locator("input[name=Certifications][value=nabl]").CheckAsync();
        var summary = $"Rubber testing: tensile strength and ageing of our roller compounds ({name})";
        await page.Locator("#Summary").FillAsync(summary);
        await owner.ClickAsync(page.Locator("main form button[type=submit].govuk-button").First, "need-posted");
        Assert.Matches("^/needs/[0-9a-f-]{36}$", new Uri(page.Url).AbsolutePath);

        // (b) The lab is among the matches, with its reasons; the owner sends an expression of interest.
        var send = page.Locator($"main a[href*='provider={DemoProviders.LabId}']");
        await Assertions.Expect(send).ToBeVisibleAsync();
        await owner.ClickAsync(send, "send-interest");
        await page.Locator("#Note").FillAsync("We would like tests to start next month.");
        await owner.ClickAsync(page.Locator("main form button[type=submit].govuk-button").First, "interest-sent");
        Assert.Matches("^/introductions/[0-9a-f-]{36}$", new Uri(page.Url).AbsolutePath);
        var introduction = Guid.Parse(new Uri(page.Url).AbsolutePath["/introductions/".Length..]);

        // (c) The lab signs in, finds it in its inbox and accepts.
        await using var lab = await fixture.StartAsync($"{name}-2-lab", width: width);
        await JourneyTests.SignInAsync(lab, DemoSeeder.LabEmail);
        await InLanguageAsync(lab, language);
        await lab.GotoAsync("/introductions", "inbox");
        await lab.ClickAsync(lab.Page.Locator($"main a[href='/introductions/{introduction}']"), "introduction");
        await lab.ClickAsync(lab.Page.Locator("main form[action$='handler=accept'] button"), "accepted");
        Assert.Equal(IntroductionStatus.Accepted, await StatusAsync(introduction));

        // (d) They agree a testing service: the lab records it from the introduction, starting today.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5.5));
        await lab.ClickAsync(lab.Page.Locator("main a#partnership-link"), "partnership-form");
        await lab.Page.Locator("#PartnershipModel").SelectOptionAsync("testing-service");
        await lab.Page.Locator("#Scope").FillAsync("Tensile strength and ageing tests of three roller compounds; report within four weeks.");
        await lab.Page.Locator("#ValueBand").SelectOptionAsync("under-1-lakh");
        await lab.Page.Locator("#StartOn").FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await lab.Page.Locator("#Milestones-0-Title").FillAsync("Samples received");
        await lab.Page.Locator("#Milestones-1-Title").FillAsync("Test report delivered");
        await lab.ClickAsync(lab.Page.Locator("main form button[type=submit].govuk-button").First, "partnership-recorded");
        Assert.Matches("^/partnerships/[0-9a-f-]{36}$", new Uri(lab.Page.Url).AbsolutePath);
        var partnership = Guid.Parse(new Uri(lab.Page.Url).AbsolutePath["/partnerships/".Length..]);
        await lab.ClickAsync(lab.Page.Locator("main form[action*='handler=tick'] button").First, "milestone-ticked");

        // (e) A month on, the platform asks both sides what happened; the owner answers on the partnership's page.
        await FollowUpsAsync(DateTimeOffset.UtcNow.AddDays(31));
        await owner.GotoAsync("/partnerships", "partnerships");
        await owner.ClickAsync(page.Locator($"main a[href='/partnerships/{partnership}']"), "partnership");
        await page.Locator("input[name=Progress][value=on-track]").CheckAsync();
        await page.Locator("#FollowUpNote").FillAsync("First results are in; the ageing tests are under way.");
        await owner.ClickAsync(page.Locator("main form[action*='handler=followup'] button"), "follow-up-answered");
        Assert.Equal("on-track", await FollowUpAnswerAsync(partnership, IntroductionSide.Enterprise));

        var problems = owner.Violations.Concat(lab.Violations).Concat(owner.Overflows).Concat(lab.Overflows).Concat(owner.NotMalayalam).Concat(lab.NotMalayalam).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("en", 1280)]
    [InlineData("ml", 390)]
    public async Task An_officer_imports_a_department_list_and_sees_every_row_accounted_for(string language, int width)
    {
        fixture.SkipIfUnavailable();
        await using var officer = await fixture.StartAsync($"collaboration-import-{language}-{width}", width: width);
        await JourneyTests.SignInAsync(officer, DemoSeeder.OfficerEmail);
        await InLanguageAsync(officer, language);
        await officer.GotoAsync("/provider-import", "import-form");
        var list = "provider_id,name,kind,district,nic_codes,stages,certifications,services,remote,expires_on\n"
            + $"J-{language}-{width}-1,Journey Coir Testing Lab,tic-lab,Alappuzha,1394,testing-certification,nabl,Coir fibre testing,false,2027-09-30\n"
            + $"J-{language}-{width}-2,Journey Unknown Kind,laboratory,Alappuzha,1394,,,,false,2027-09-30\n";
        await officer.Page.Locator("#File").SetInputFilesAsync(new FilePayload { Name = "department.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(list) });
        await officer.ClickAsync(officer.Page.Locator("main form button[type=submit].govuk-button").First, "import-result");
        await Assertions.Expect(officer.Page.Locator("#import-counts")).ToContainTextAsync(language == "ml" ? "1 ഇറക്കുമതി ചെയ്തു, 0 പുതുക്കി, 1 നിരസിച്ചു" : "1 imported, 0 updated, 1 rejected");
        await Assertions.Expect(officer.Page.Locator("#rejects-download")).ToBeVisibleAsync();
        var problems = officer.Violations.Concat(officer.Overflows).Concat(officer.NotMalayalam).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task InLanguageAsync(Journey j, string language)
    {
        await JourneyTests.SwitchLanguageAsync(j, language);
        j.ExpectMalayalam = language == "ml";
    }

    /// <summary>The demo owner's finished digital maturity assessment, whose result page shows the roadmap.</summary>
    private async Task<Guid> OwnerRoadmapAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var organisation = await db.Users.Where(u => u.Email == DemoSeeder.OwnerEmail).Select(u => u.OrganisationId).SingleAsync();
        return await db.MaturityAssessments.Where(m => m.OrganisationId == organisation && m.CompletedAt != null).Select(m => m.Id).FirstAsync();
    }

    /// <summary>Runs the partnerships' 30/90-day job as if it were <paramref name="now"/>.</summary>
    private async Task FollowUpsAsync(DateTimeOffset now)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        await new PartnershipFollowUps(new FixedClock(now)).RunAsync(scope.ServiceProvider, CancellationToken.None);
    }

    private async Task<string?> FollowUpAnswerAsync(Guid partnership, IntroductionSide side)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().PartnershipFollowUps
            .Where(f => f.PartnershipId == partnership && f.Side == side && f.AnsweredAt != null).Select(f => f.Progress).SingleOrDefaultAsync();
    }

    private async Task<IntroductionStatus> StatusAsync(Guid introduction)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Introductions.Where(i => i.Id == introduction).Select(i => i.Status).SingleAsync();
    }
}
