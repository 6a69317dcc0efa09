using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HiTech.Web.Data.Entities;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HiTech.Web.Tests.Providers.ProviderTesting;

namespace HiTech.Web.Tests.Providers;

/// <summary>Officers verify or refuse; only verified, unexpired institutions are listed, found by words in either language.</summary>
public sealed class VerificationAndDirectoryTests(TestHost host) : IClassFixture<TestHost>
{
    private static Guid[] Ids(JsonElement list) => [.. list.EnumerateArray().Select(e => e.GetProperty("id").GetGuid())];

    [Fact]
    public async Task Verifying_lists_a_profile_for_12_months_and_is_audited()
    {
        var (_, id) = await ListedProviderAsync(host, "verified@providers.test", Profile("Thermal Imaging Centre Palakkad", "Infrared thermography of motors"));
        var provider = await ProviderAsync(host, id);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5.5));
        Assert.Equal((ProviderStatus.Verified, today, today.AddMonths(12)), (provider.Status, provider.VerifiedOn!.Value, provider.ExpiresOn!.Value));
        Assert.True(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "Provider" && a.EntityId == id.ToString() && a.Action == AuditAction.Verify, None)));

        var found = await host.Anonymous().GetAsync("/api/v1/providers/?q=thermograph", None);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains(id, Ids(await TestHost.JsonAsync(found)));
        var entry = await host.Anonymous().GetStringAsync($"/api/v1/providers/{id}", None);
        Assert.DoesNotContain("desk@lab.example.org", entry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_needs_a_reason_which_the_provider_then_reads()
    {
        var (api, id) = await NewProviderAsync(host, "refused@providers.test", Profile("Refused Lab"));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/providers/mine/submit", null, None)).StatusCode);
        using var officer = await OfficerAsync(host);
        var noReason = await ProblemAsync(await officer.PostAsJsonAsync($"/api/v1/providers/{id}/refuse", new { reason = " " }, None), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/providers/{id}/refuse", new { reason = "We could not find your NABL certificate number." }, None)).StatusCode);
        await ProblemAsync(await officer.PostAsJsonAsync($"/api/v1/providers/{id}/verify", new { }, None), HttpStatusCode.Conflict);

        using var browser = await host.BrowserAsync("refused@providers.test");
        var page = await browser.GetHtmlAsync("/provider/profile");
        Assert.Contains("We could not find your NABL certificate number.", page, StringComparison.Ordinal);
        Assert.Equal(0, await host.WithDbAsync(db => db.Providers.CountAsync(p => p.Id == id && p.Status == ProviderStatus.Verified, None)));
    }

    [Fact]
    public async Task The_verification_queue_page_shows_submitted_profiles_and_verifies_them()
    {
        var (api, id) = await NewProviderAsync(host, "queue@providers.test", Profile("Queue Page Lab"));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/providers/mine/submit", null, None)).StatusCode);
        await OfficerAsync(host);
        using var browser = await host.BrowserAsync("officer@providers.test");
        var html = await browser.GetHtmlAsync("/provider-verification");
        Assert.Contains("Queue Page Lab", html, StringComparison.Ordinal);
        var version = (await ProviderAsync(host, id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await browser.PostFormWithAsync(html, "/provider-verification?handler=verify", new() { ["ProviderId"] = [id.ToString()], ["Version"] = [version] }, null);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ProviderStatus.Verified, (await ProviderAsync(host, id)).Status);
    }

    [Fact]
    public async Task The_directory_finds_English_and_Malayalam_words_and_lists_only_verified_unexpired_institutions()
    {
        var (_, listed) = await ListedProviderAsync(host, "words@providers.test", Profile("Vibration Analysis Works", "Vibration analysis and balancing", "യന്ത്രങ്ങളുടെ കമ്പന വിശകലനം"));
        var (_, lapsed) = await ListedProviderAsync(host, "lapsed@providers.test", Profile("Vibration Lapsed Works", "Vibration analysis"));
        var (_, draft) = await NewProviderAsync(host, "draft@providers.test", Profile("Vibration Draft Works", "Vibration analysis"));
        await host.WithDbAsync(async db =>
        {
            var p = await db.Providers.SingleAsync(x => x.Id == lapsed, None);
            p.ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
            return await db.SaveChangesAsync(None);
        });

        var english = Ids(await TestHost.JsonAsync(await host.Anonymous().GetAsync("/api/v1/providers/?q=vibrat", None)));
        Assert.Contains(listed, english);
        Assert.DoesNotContain(lapsed, english);
        Assert.DoesNotContain(draft, english);
        Assert.Contains(listed, Ids(await TestHost.JsonAsync(await host.Anonymous().GetAsync("/api/v1/providers/?q=" + Uri.EscapeDataString("കമ്പന"), None))));
        Assert.Empty(Ids(await TestHost.JsonAsync(await host.Anonymous().GetAsync("/api/v1/providers/?q=vibration+nosuchword", None))));

        // A renamed profile is found by its new name at once: the index follows the table.
        var version = (await ProviderAsync(host, listed)).Version;
        using (var api = await host.ApiAsync("words@providers.test"))
        {
            Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync("/api/v1/providers/mine", Profile("Resonance Diagnostics", "Modal testing", version: version), None)).StatusCode);
        }

        Assert.Contains(listed, Ids(await TestHost.JsonAsync(await host.Anonymous().GetAsync("/api/v1/providers/?q=resonance", None))));
        Assert.DoesNotContain(listed, Ids(await TestHost.JsonAsync(await host.Anonymous().GetAsync("/api/v1/providers/?q=vibrat", None))));

        var page = await host.Anonymous().GetStringAsync("/directory?q=resonance", None);
        Assert.Contains("Resonance Diagnostics", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Anonymous().GetAsync($"/directory/{draft}", None)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Anonymous().GetAsync($"/api/v1/providers/{lapsed}", None)).StatusCode);
    }

    [Fact]
    public async Task Filters_and_paging_run_in_the_query_and_unknown_codes_are_refused()
    {
        var (_, mould) = await ListedProviderAsync(host, "mould@providers.test", Profile("Filter Mould Lab", "Mould flow filtering study"));
        var kottayam = new { name = "Filter Kottayam Lab", kind = "rnd-institute", district = "Kottayam", nicCodes = "22", stages = new[] { "rnd" }, certifications = new[] { "iso9001" }, technologies = new[] { "mes" }, languages = new[] { "en" }, responseDays = 5, servicesEn = "Filtering research", version = 0 };
        var (_, research) = await ListedProviderAsync(host, "kottayam@providers.test", kottayam);

        async Task<Guid[]> Find(string query) => Ids(await TestHost.JsonAsync(await host.Anonymous().GetAsync("/api/v1/providers/?q=filter&" + query, None)));
        Assert.Equal(new[] { research }, await Find("kind=rnd-institute"));
        Assert.Equal(new[] { research }, await Find("district=Kottayam"));
        Assert.Equal(new[] { mould }, await Find("nic=26"));
        Assert.Equal(new[] { mould }, await Find("certification=nabl"));
        Assert.Equal(new[] { research }, await Find("technology=mes"));

        var first = await host.Anonymous().GetAsync("/api/v1/providers/?q=filter&page_size=1", None);
        Assert.Equal("2", first.Headers.GetValues("X-Total-Count").Single());
        Assert.Contains("rel=\"next\"", first.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        Assert.Single(Ids(await TestHost.JsonAsync(first)));

        var refused = await ProblemAsync(await host.Anonymous().GetAsync("/api/v1/providers/?nic=9&technology=warp-drive&kind=professional", None), HttpStatusCode.BadRequest);
        foreach (var field in new[] { "nic", "technology", "kind" })
        {
            Assert.True(refused.GetProperty("errors").TryGetProperty(field, out _), field);
        }
    }
}
