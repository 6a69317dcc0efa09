using System.Net;
using System.Net.Http.Json;
using HiTech.Web.Tests.Introductions;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Partnerships;

/// <summary>A partnership through the API: recorded once from an accepted introduction, milestones, outcome and one rating per side.</summary>
[Collection(IntroductionsCollection.Name)]
public sealed class PartnershipFlowTests(IntroductionsFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Recorded_once_from_an_accepted_introduction_the_other_side_told_and_hidden_from_strangers()
    {
        var p = await host.PartiesAsync(providerLanguage: "ml");
        using var enterprise = await host.ApiAsync(p.EnterpriseEmail);
        using var provider = await host.ApiAsync(p.ProviderEmail);
        var introduction = await SendAsync(enterprise, p);
        var request = new
        {
            introduction_id = introduction.Id,
            model = "testing-service",
            scope = "EMC pre-compliance tests of the new controller",
            value_band = "1-to-10-lakh",
            start_on = "2026-03-02",
            milestones = new[] { new { title = "Test plan agreed", due_on = (string?)"2026-03-16" }, new { title = "Report delivered", due_on = (string?)null } },
        };

        // Not yet accepted: nothing to record.
        Assert.Equal(HttpStatusCode.Conflict, (await enterprise.PostAsJsonAsync("/api/v1/partnerships", request, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsJsonAsync($"/api/v1/introductions/{introduction.Id}/accept", new { version = introduction.Version }, Ct)).StatusCode);

        var invalid = await enterprise.PostAsJsonAsync("/api/v1/partnerships", new { introduction_id = introduction.Id, model = "consulting", scope = " ", value_band = "huge", start_on = (string?)null }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await IntroductionsFixture.JsonAsync(invalid)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("model", out _) && errors.TryGetProperty("scope", out _) && errors.TryGetProperty("value_band", out _) && errors.TryGetProperty("start_on", out _));

        var recorded = await enterprise.PostAsJsonAsync("/api/v1/partnerships", request, Ct);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var created = await IntroductionsFixture.JsonAsync(recorded);
        Assert.Equal("active", created.GetProperty("status").GetString());
        Assert.Equal(2, created.GetProperty("milestones").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await provider.PostAsJsonAsync("/api/v1/partnerships", request, Ct)).StatusCode);

        // The provider's user reads Malayalam: told in Malayalam, with the link to the partnership.
        var providerUser = await host.UserIdAsync(p.ProviderEmail);
        var notification = await host.WithDbAsync(db => db.Notifications.SingleAsync(n => n.UserId == providerUser && n.Kind == "partnership-recorded", Ct));
        Assert.Equal($"/partnerships/{created.GetProperty("id").GetGuid()}", notification.Link);
        var enterpriseUser = await host.UserIdAsync(p.EnterpriseEmail);
        Assert.False(await host.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == enterpriseUser && n.Kind == "partnership-recorded", Ct)));

        // Both sides list it; another enterprise gets 404 for it and an empty list.
        Assert.Contains(created.GetProperty("id").GetGuid().ToString(), await provider.GetStringAsync("/api/v1/partnerships", Ct), StringComparison.Ordinal);
        var stranger = await host.PartiesAsync();
        using var other = await host.ApiAsync(stranger.EnterpriseEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/partnerships/{created.GetProperty("id").GetGuid()}", Ct)).StatusCode);
        Assert.DoesNotContain(created.GetProperty("id").GetGuid().ToString(), await other.GetStringAsync("/api/v1/partnerships", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Milestones_need_the_current_version_the_outcome_is_recorded_once_and_each_side_rates_once_after_completion()
    {
        var p = await host.PartiesAsync();
        using var enterprise = await host.ApiAsync(p.EnterpriseEmail);
        using var provider = await host.ApiAsync(p.ProviderEmail);
        var id = await AcceptedPartnershipAsync(enterprise, provider, p);
        var read = (await IntroductionsFixture.JsonAsync(await provider.GetAsync($"/api/v1/partnerships/{id}", Ct))).GetProperty("partnership");
        var version = read.GetProperty("version").GetInt32();
        var milestone = read.GetProperty("milestones")[0].GetProperty("id").GetGuid();

        var ticked = await provider.PostAsJsonAsync($"/api/v1/partnerships/{id}/milestones/{milestone}", new { done = true, version }, Ct);
        Assert.Equal(HttpStatusCode.OK, ticked.StatusCode);
        var after = await IntroductionsFixture.JsonAsync(ticked);
        Assert.Equal(version + 1, after.GetProperty("version").GetInt32());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, after.GetProperty("milestones")[0].GetProperty("done_on").ValueKind);
        // The enterprise read the partnership before the tick: its change is a conflict, not an overwrite.
        Assert.Equal(HttpStatusCode.Conflict, (await enterprise.PostAsJsonAsync($"/api/v1/partnerships/{id}/milestones/{milestone}", new { done = false, version }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await enterprise.PostAsJsonAsync($"/api/v1/partnerships/{id}/rating", new { stars = 5 }, Ct)).StatusCode);
        var current = version + 1;
        var badCertificate = await enterprise.PostAsJsonAsync($"/api/v1/partnerships/{id}/outcome", new { status = "completed", ended_on = "2026-06-30", certification_obtained = "iso27001", version = current }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badCertificate.StatusCode);
        Assert.True((await IntroductionsFixture.JsonAsync(badCertificate)).GetProperty("errors").TryGetProperty("certification_obtained", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await enterprise.PostAsJsonAsync($"/api/v1/partnerships/{id}/outcome", new { status = "completed", ended_on = "2026-01-01", version = current }, Ct)).StatusCode);

        var outcome = await enterprise.PostAsJsonAsync($"/api/v1/partnerships/{id}/outcome", new
        {
            status = "completed",
            ended_on = "2026-06-30",
            products_launched = 1,
            patents_or_designs_filed = 2,
            certification_obtained = "NABL",
            jobs_created = 4,
            note = "Controller passed EMC; launched in June.",
            version = current,
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
        var done = await IntroductionsFixture.JsonAsync(outcome);
        Assert.Equal(("completed", "nabl", 4), (done.GetProperty("status").GetString(), done.GetProperty("certification_obtained").GetString(), done.GetProperty("jobs_created").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, (await provider.PostAsJsonAsync($"/api/v1/partnerships/{id}/outcome", new { status = "ended", ended_on = "2026-07-01", version = done.GetProperty("version").GetInt32() }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await enterprise.PostAsJsonAsync($"/api/v1/partnerships/{id}/rating", new { stars = 6 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await enterprise.PostAsJsonAsync($"/api/v1/partnerships/{id}/rating", new { stars = 4 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await enterprise.PostAsJsonAsync($"/api/v1/partnerships/{id}/rating", new { stars = 1 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await provider.PostAsJsonAsync($"/api/v1/partnerships/{id}/rating", new { stars = 5 }, Ct)).StatusCode);
        var ratings = await host.WithDbAsync(db => db.PartnershipRatings.Where(r => r.PartnershipId == id).OrderBy(r => r.Stars).Select(r => r.Stars).ToListAsync(Ct));
        Assert.Equal([4, 5], ratings);
        // Neither side reads the other's stars: the partnership answers only whether my side rated.
        var detail = await provider.GetStringAsync($"/api/v1/partnerships/{id}", Ct);
        Assert.Contains("\"rated_by_me\":true", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("stars", detail, StringComparison.Ordinal);
    }

    internal static async Task<(Guid Id, int Version)> SendAsync(HttpClient enterprise, IntroductionParties p)
    {
        var sent = await IntroductionsFixture.JsonAsync(await enterprise.PostAsJsonAsync("/api/v1/introductions", new { need_id = p.NeedId, provider_id = p.ProviderId }, Ct));
        return (sent.GetProperty("id").GetGuid(), sent.GetProperty("version").GetInt32());
    }

    internal static async Task<Guid> AcceptedPartnershipAsync(HttpClient enterprise, HttpClient provider, IntroductionParties p, string startOn = "2026-03-02")
    {
        var introduction = await SendAsync(enterprise, p);
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsJsonAsync($"/api/v1/introductions/{introduction.Id}/accept", new { version = introduction.Version }, Ct)).StatusCode);
        var created = await enterprise.PostAsJsonAsync("/api/v1/partnerships", new
        {
            introduction_id = introduction.Id,
            model = "contract-rnd",
            scope = "Redesign of the motor controller",
            start_on = startOn,
            milestones = new[] { new { title = "Prototype" } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await IntroductionsFixture.JsonAsync(created)).GetProperty("id").GetGuid();
    }
}
