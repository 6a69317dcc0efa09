using System.Net;
using System.Net.Http.Json;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HiTech.Web.Tests.Providers.ProviderTesting;

namespace HiTech.Web.Tests.Providers;

/// <summary>A provider registers, fills in and saves its profile (checked against the vocabulary), and submits it.</summary>
public sealed class ProviderProfileTests(TestHost host) : IClassFixture<TestHost>
{
    [Fact]
    public async Task A_provider_registers_itself_with_a_draft_profile_and_lands_on_its_editor()
    {
        using var browser = new Browser(host.Factory.CreateClient(new() { AllowAutoRedirect = false }), new());
        var response = await browser.PostFormAsync("/provider/register", "/provider/register", new()
        {
            ["ProviderName"] = ["Kochi Composites Testing Lab"],
            ["Kind"] = ["tic-lab"],
            ["Name"] = ["Anjali Menon"],
            ["Email"] = ["anjali@kctl.example"],
            ["Password"] = ["Lab#2026x"],
            ["ConfirmPassword"] = ["Lab#2026x"],
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/provider/profile", response.Headers.Location?.ToString());

        var (user, provider) = await host.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Email == "anjali@kctl.example", None);
            return (u, await db.Providers.SingleAsync(p => p.Id == u.ProviderId, None));
        });
        Assert.Equal(ProviderStatus.Draft, provider.Status);
        Assert.Equal("Kochi Composites Testing Lab", provider.Name);
        Assert.Null(provider.ConsentAt);
        Assert.True(await host.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == user.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Provider), None)));
        Assert.True(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "Provider" && a.EntityId == provider.Id.ToString(), None)));
    }

    [Fact]
    public async Task A_professional_must_consent_to_the_stated_purpose_and_is_told_so_in_Malayalam()
    {
        using var browser = new Browser(host.Factory.CreateClient(new() { AllowAutoRedirect = false }), new());
        browser.UseAcceptLanguage("ml");
        var page = await browser.GetHtmlAsync("/provider/register");
        Assert.Contains("ഡിജിറ്റൽ വ്യക്തിഗത വിവര സംരക്ഷണ നിയമം, 2023", page, StringComparison.Ordinal);
        var response = await browser.PostFormWithAsync(page, "/provider/register", new()
        {
            ["ProviderName"] = ["Rajesh Nair"],
            ["Kind"] = ["professional"],
            ["Name"] = ["Rajesh Nair"],
            ["Email"] = ["rajesh@returning.example"],
            ["Password"] = ["Home#2026x"],
            ["ConfirmPassword"] = ["Home#2026x"],
        }, null);
        var html = await response.Content.ReadAsStringAsync(None);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("പ്രൊഫഷണലായി പട്ടികയിൽ ചേരാൻ, നിങ്ങളുടെ വിവരങ്ങൾ ഉപയോഗിക്കുന്ന ആവശ്യത്തിന് സമ്മതം നൽകുക", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Consent\"", html, StringComparison.Ordinal);
        Assert.False(await host.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "rajesh@returning.example", None)));
    }

    [Fact]
    public async Task Codes_outside_the_vocabulary_are_refused_field_by_field_and_nothing_is_saved()
    {
        var (api, id) = await NewProviderAsync(host, "codes@providers.test", Profile("Codes Lab"));
        var saved = await ProviderAsync(host, id);
        var response = await api.PutAsJsonAsync("/api/v1/providers/mine", new
        {
            name = "Codes Lab",
            kind = "tic-lab",
            district = "Gotham",
            nicCodes = "26, 9999x, 123456",
            stages = new[] { "rnd" },
            certifications = new[] { "iso-nonsense" },
            technologies = new[] { "teleportation" },
            languages = new[] { "en" },
            trlFrom = 7,
            trlTo = 3,
            responseDays = 0,
            servicesEn = "Testing\u202Egnitset",
            equipment = new[] { new { name = "Oven", feeBand = "priceless" } },
            version = saved.Version,
        }, None);
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "district", "nicCodes", "certifications", "technologies", "trlTo", "responseDays", "servicesEn", "equipment[0].feeBand" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.Contains("9999x", errors.GetProperty("nicCodes")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Codes Lab", (await ProviderAsync(host, id)).Name);
        Assert.Equal(saved.Version, (await ProviderAsync(host, id)).Version);
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_the_current_version_and_loses_nothing()
    {
        var (api, id) = await NewProviderAsync(host, "stale@providers.test", Profile("Stale Lab"));
        var read = (await ProviderAsync(host, id)).Version;
        var first = await api.PutAsJsonAsync("/api/v1/providers/mine", Profile("Stale Lab, first tab", version: read), None);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await api.PutAsJsonAsync("/api/v1/providers/mine", Profile("Stale Lab, second tab", version: read), None);
        var problem = await ProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Equal(read + 1, problem.GetProperty("currentVersion").GetInt32());
        var saved = await ProviderAsync(host, id);
        Assert.Equal("Stale Lab, first tab", saved.Name);
        Assert.Single(saved.Equipment);
    }

    [Fact]
    public async Task The_editor_saves_every_field_and_shows_field_errors_next_to_their_fields()
    {
        var (_, id) = await NewProviderAsync(host, "editor@providers.test", Profile("Editor Lab"));
        using var browser = await host.BrowserAsync("editor@providers.test");
        var html = await browser.GetHtmlAsync("/provider/profile");
        Assert.Contains("Dead-weight tester", html, StringComparison.Ordinal);
        var version = (await ProviderAsync(host, id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string[]>
        {
            ["Form.Version"] = [version],
            ["Form.Name"] = ["Editor Lab"],
            ["Form.Kind"] = ["design-engineering"],
            ["Form.District"] = ["Thrissur"],
            ["Form.Remote"] = ["true"],
            ["Form.NicCodes"] = ["28"],
            ["Form.Stages"] = ["design-engineering", "prototyping"],
            ["Form.Languages"] = ["ml"],
            ["Form.ResponseDays"] = ["4"],
            ["Form.ServicesMl"] = ["ഡിസൈൻ സേവനങ്ങൾ"],
            ["Form.Equipment[0].Name"] = ["CNC router"],
            ["Form.Equipment[0].FeeBand"] = ["on-request"],
            ["Form.Equipment[1].Name"] = ["3D printer"],
        };
        var saved = await browser.PostFormWithAsync(html, "/provider/profile", fields, null);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var provider = await ProviderAsync(host, id);
        Assert.Equal(("design-engineering", "Thrissur", true, "28", "design-engineering;prototyping", "ml"), (provider.Kind, provider.District, provider.Remote, provider.NicCodes, provider.Stages, provider.Languages));
        Assert.Equal(["3D printer", "CNC router"], provider.Equipment.Select(e => e.Name).Order());

        fields["Form.Version"] = [provider.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        fields["Form.TrlFrom"] = ["12"];
        var refused = await browser.PostFormWithAsync(await browser.GetHtmlAsync("/provider/profile"), "/provider/profile", fields, null);
        var page = await refused.Content.ReadAsStringAsync(None);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("href=\"#Form-TrlFrom\"", page, StringComparison.Ordinal);
        Assert.Contains("Technology readiness levels go from 1 to 9", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incomplete_draft_cannot_be_submitted_and_a_complete_one_waits_for_an_officer()
    {
        var (api, id) = await NewProviderAsync(host, "submit@providers.test", Profile("Submit Lab"));
        await host.WithDbAsync(async db =>
        {
            var p = await db.Providers.SingleAsync(x => x.Id == id, None);
            p.Languages = "";
            return await db.SaveChangesAsync(None);
        });
        var refused = await ProblemAsync(await api.PostAsync("/api/v1/providers/mine/submit", null, None), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("languages", out _));
        Assert.Equal(ProviderStatus.Draft, (await ProviderAsync(host, id)).Status);

        var version = (await ProviderAsync(host, id)).Version;
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync("/api/v1/providers/mine", Profile("Submit Lab", version: version), None)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/providers/mine/submit", null, None)).StatusCode);
        Assert.Equal(ProviderStatus.Submitted, (await ProviderAsync(host, id)).Status);
        await ProblemAsync(await api.PostAsync("/api/v1/providers/mine/submit", null, None), HttpStatusCode.Conflict);
    }
}
