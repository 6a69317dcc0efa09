using System.Net;
using System.Net.Http.Json;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HiTech.Web.Tests.Providers.ProviderTesting;

namespace HiTech.Web.Tests.Providers;

/// <summary>
/// Returning professionals: never in the public directory, seen only by verified enterprises (an approved
/// assessment) and officers, never with contact details; and "withdraw and delete my profile" erases them.
/// </summary>
public sealed class ProfessionalsAndErasureTests(TestHost host) : IClassFixture<TestHost>
{
    private static object Professional(bool consent) => new
    {
        name = "Meera Pillai",
        kind = "professional",
        district = "Kozhikode",
        languages = new[] { "en", "ml" },
        responseDays = 5,
        servicesEn = "Process engineering for food processing plants",
        contactEmail = "meera@home.example",
        skills = "Twenty years of HACCP and plant commissioning in the Gulf",
        sectors = new[] { "food-technologies" },
        yearsAbroad = 20,
        availability = new[] { "consulting", "mentoring" },
        consent,
        version = 0,
    };

    [Fact]
    public async Task A_professional_is_shown_only_to_verified_enterprises_and_officers_without_contact_details()
    {
        await host.CreateUserAsync("noconsent@providers.test", Roles.Provider);
        using (var api = await host.ApiAsync("noconsent@providers.test"))
        {
            var refused = await ProblemAsync(await api.PostAsJsonAsync("/api/v1/providers", Professional(consent: false), None), HttpStatusCode.BadRequest);
            Assert.True(refused.GetProperty("errors").TryGetProperty("consent", out _));
        }

        var (_, id) = await ListedProviderAsync(host, "meera@providers.test", Professional(consent: true));
        Assert.NotNull((await ProviderAsync(host, id)).ConsentAt);

        // Not in the public directory, and its page answers 404 to anyone who may not see it.
        Assert.DoesNotContain(id.ToString(), await host.Anonymous().GetStringAsync("/api/v1/providers/?q=haccp", None), StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), await host.Anonymous().GetStringAsync("/api/v1/providers/?q=process", None), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Anonymous().GetAsync($"/directory/{id}", None)).StatusCode);

        // An enterprise with no approved assessment (the demo's are mostly approved; one without an organisation yet counts too).
        var unverified = await host.WithDbAsync(db => db.Organisations.Where(o => !db.Assessments.Any(a => a.OrganisationId == o.Id && a.Status == AssessmentStatus.Approved)).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(None));
        var verified = await host.WithDbAsync(db => db.Assessments.Where(a => a.Status == AssessmentStatus.Approved).Select(a => a.OrganisationId).FirstAsync(None));
        await host.CreateUserAsync("unverified@providers.test", Roles.Enterprise, unverified);
        await host.CreateUserAsync("verified@providers.test", Roles.Enterprise, verified);
        using (var browser = await host.BrowserAsync("unverified@providers.test"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/directory/{id}", None)).StatusCode);
        }

        using (var browser = await host.BrowserAsync("verified@providers.test"))
        {
            var page = await browser.GetHtmlAsync($"/directory/{id}");
            Assert.Contains("HACCP", page, StringComparison.Ordinal);
            Assert.DoesNotContain("meera@home.example", page, StringComparison.Ordinal);
        }

        using var officer = await OfficerAsync(host);
        var json = await officer.GetStringAsync($"/api/v1/providers/{id}", None);
        Assert.Contains("HACCP", json, StringComparison.Ordinal);
        Assert.DoesNotContain("meera@home.example", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_erases_the_profile_equipment_and_the_accounts_personal_data_and_keeps_no_personal_audit_fields()
    {
        var (api, id) = await ListedProviderAsync(host, "erase@providers.test", Professional(consent: true));
        var userId = await host.UserIdAsync("erase@providers.test");
        using (var browser = await host.BrowserAsync("erase@providers.test"))
        {
            var confirm = await browser.GetHtmlAsync("/provider/withdraw");
            var response = await browser.PostFormWithAsync(confirm, "/provider/withdraw", [], null);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var provider = await ProviderAsync(host, id);
        Assert.Equal(ProviderStatus.Withdrawn, provider.Status);
        Assert.Equal(("", "", "", null, null, null), (provider.Name, provider.Skills, provider.ServicesEn, provider.ContactEmail, provider.YearsAbroad, provider.ConsentAt));
        Assert.Empty(provider.Equipment);

        var account = await host.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, None));
        Assert.DoesNotContain("erase@providers.test", account.Email, StringComparison.Ordinal);
        Assert.Equal(("", null), (account.DisplayName, account.PasswordHash));

        // Every session of the account has ended, and nothing of the person is in the audit log.
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/providers/mine", None)).StatusCode);
        var audit = await host.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == "Provider" && a.EntityId == id.ToString()).ToListAsync(None));
        Assert.Contains(audit, a => a.Action == AuditAction.Withdraw);
        Assert.All(audit, a => Assert.DoesNotContain("Meera", (a.Before ?? "") + (a.After ?? ""), StringComparison.Ordinal));
        Assert.All(audit, a => Assert.DoesNotContain("HACCP", (a.Before ?? "") + (a.After ?? ""), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await (await OfficerAsync(host)).GetAsync($"/api/v1/providers/{id}", None)).StatusCode);
    }

    [Fact]
    public async Task A_provider_never_reaches_another_providers_profile()
    {
        var (a, idA) = await NewProviderAsync(host, "side-a@providers.test", Profile("Side A Lab"));
        var (b, _) = await NewProviderAsync(host, "side-b@providers.test", Profile("Side B Lab"));
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/providers/{idA}", None)).StatusCode);
        var mine = await TestHost.JsonAsync(await b.GetAsync("/api/v1/providers/mine", None));
        Assert.NotEqual(idA, mine.GetProperty("id").GetGuid());
        await ProblemAsync(await b.PostAsJsonAsync($"/api/v1/providers/{idA}/verify", new { }, None), HttpStatusCode.Forbidden);
        await ProblemAsync(await b.PostAsJsonAsync("/api/v1/providers", Profile("Second profile"), None), HttpStatusCode.Conflict);
        Assert.Equal("Side A Lab", (await ProviderAsync(host, idA)).Name);
        a.Dispose();
    }
}
