using System.Net;
using System.Net.Http.Json;
using HiTech.Web.Data.Entities;
using HiTech.Web.Kernel;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Introductions;

/// <summary>An expression of interest through the API: sent once, answered by the other side only, messages after acceptance, each side told.</summary>
[Collection(IntroductionsCollection.Name)]
public sealed class IntroductionFlowTests(IntroductionsFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_enterprise_sends_once_the_provider_is_told_and_a_second_send_is_a_conflict_naming_the_first()
    {
        var p = await host.PartiesAsync(responseDays: 3, providerLanguage: "ml");
        using var enterprise = await host.ApiAsync(p.EnterpriseEmail);

        var sent = await enterprise.PostAsJsonAsync("/api/v1/introductions", new { need_id = p.NeedId, provider_id = p.ProviderId, note = "Can you test to IEC 61000-4-2?" }, Ct);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var body = await IntroductionsFixture.JsonAsync(sent);
        Assert.Equal("sent", body.GetProperty("status").GetString());
        var sentAt = body.GetProperty("sent_at").GetDateTimeOffset();
        Assert.Equal(WorkingDays.Add(sentAt, 3), body.GetProperty("due_at").GetDateTimeOffset());

        var again = await enterprise.PostAsJsonAsync("/api/v1/introductions", new { need_id = p.NeedId, provider_id = p.ProviderId }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(body.GetProperty("id").GetGuid(), (await IntroductionsFixture.JsonAsync(again)).GetProperty("introduction_id").GetGuid());

        // The provider's user chose Malayalam: the notification and its e-mail are worded so.
        var providerUser = await host.UserIdAsync(p.ProviderEmail);
        var notification = await host.WithDbAsync(db => db.Notifications.SingleAsync(n => n.UserId == providerUser, Ct));
        Assert.Equal("introduction-received", notification.Kind);
        var email = await host.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ToEmail == p.ProviderEmail, Ct));
        Assert.Contains("താൽപ്പര്യ പ്രകടനം", email.Subject, StringComparison.Ordinal);
        Assert.Contains($"/introductions/{body.GetProperty("id").GetGuid()}", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_provider_answers_a_decline_needs_a_reason_and_private_details_open_on_acceptance()
    {
        var p = await host.PartiesAsync();
        using var enterprise = await host.ApiAsync(p.EnterpriseEmail);
        using var provider = await host.ApiAsync(p.ProviderEmail);
        var created = await IntroductionsFixture.JsonAsync(await enterprise.PostAsJsonAsync("/api/v1/introductions", new { need_id = p.NeedId, provider_id = p.ProviderId }, Ct));
        var id = created.GetProperty("id").GetGuid();
        var version = new { version = created.GetProperty("version").GetInt32() };

        var before = await IntroductionsFixture.JsonAsync(await provider.GetAsync($"/api/v1/introductions/{id}", Ct));
        Assert.False(before.TryGetProperty("need_private_details", out var hidden) && hidden.ValueKind == System.Text.Json.JsonValueKind.String);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsJsonAsync($"/api/v1/introductions/{id}/accept", version, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await provider.PostAsJsonAsync($"/api/v1/introductions/{id}/decline", new { reason = "  ", version = version.version }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await provider.PostAsJsonAsync($"/api/v1/introductions/{id}/messages", new { body = "Hello" }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await provider.PostAsJsonAsync($"/api/v1/introductions/{id}/accept", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsJsonAsync($"/api/v1/introductions/{id}/accept", version, Ct)).StatusCode);
        // Answered once: the version read before is stale now, for both sides.
        Assert.Equal(HttpStatusCode.Conflict, (await provider.PostAsJsonAsync($"/api/v1/introductions/{id}/accept", version, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await enterprise.PostAsJsonAsync($"/api/v1/introductions/{id}/withdraw", version, Ct)).StatusCode);
        var after = await IntroductionsFixture.JsonAsync(await provider.GetAsync($"/api/v1/introductions/{id}", Ct));
        Assert.StartsWith("Secret drawings", after.GetProperty("need_private_details").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await provider.PostAsJsonAsync($"/api/v1/introductions/{id}/messages", new { body = "We can start on Monday." }, Ct)).StatusCode);
        var messages = await IntroductionsFixture.JsonAsync(await enterprise.GetAsync($"/api/v1/introductions/{id}/messages", Ct));
        Assert.Equal("provider", Assert.Single(messages.EnumerateArray()).GetProperty("side").GetString());

        var enterpriseUser = await host.UserIdAsync(p.EnterpriseEmail);
        var kinds = await host.WithDbAsync(db => db.Notifications.Where(n => n.UserId == enterpriseUser).Select(n => n.Kind).ToListAsync(Ct));
        Assert.Equal(["introduction-accepted", "introduction-message"], kinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Another_enterprise_or_provider_gets_404_and_the_sender_may_withdraw_before_an_answer()
    {
        var p = await host.PartiesAsync();
        var other = await host.PartiesAsync();
        using var enterprise = await host.ApiAsync(p.EnterpriseEmail);
        var created = await IntroductionsFixture.JsonAsync(await enterprise.PostAsJsonAsync("/api/v1/introductions", new { need_id = p.NeedId, provider_id = p.ProviderId }, Ct));
        var id = created.GetProperty("id").GetGuid();
        var version = new { version = created.GetProperty("version").GetInt32() };

        using var otherEnterprise = await host.ApiAsync(other.EnterpriseEmail);
        using var otherProvider = await host.ApiAsync(other.ProviderEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEnterprise.GetAsync($"/api/v1/introductions/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherProvider.PostAsJsonAsync($"/api/v1/introductions/{id}/accept", version, Ct)).StatusCode);
        // Another enterprise's need cannot be sent for either.
        Assert.Equal(HttpStatusCode.NotFound, (await otherEnterprise.PostAsJsonAsync("/api/v1/introductions", new { need_id = p.NeedId, provider_id = other.ProviderId }, Ct)).StatusCode);
        Assert.DoesNotContain(id.ToString(), await otherProvider.GetStringAsync("/api/v1/introductions", Ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await enterprise.PostAsJsonAsync($"/api/v1/introductions/{id}/withdraw", version, Ct)).StatusCode);
        Assert.Equal(IntroductionStatus.Withdrawn, await host.WithDbAsync(db => db.Introductions.Where(i => i.Id == id).Select(i => i.Status).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_provider_offers_help_on_an_open_need_from_the_confirm_page_and_the_enterprise_answers()
    {
        var p = await host.PartiesAsync();
        using var provider = await host.BrowserAsync(p.ProviderEmail);

        var page = await provider.GetAsync($"/introductions/send?need={p.NeedId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("Secret drawings", html, StringComparison.Ordinal);

        var sent = await provider.SubmitAsync($"/introductions/send?need={p.NeedId}", $"/introductions/send?need={p.NeedId}", new Dictionary<string, string> { ["Note"] = "We have an EMC chamber." });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var introduction = await host.WithDbAsync(db => db.Introductions.SingleAsync(i => i.NeedId == p.NeedId, Ct));
        Assert.Equal(IntroductionSide.Provider, introduction.SentBy);
        Assert.Equal(p.ProviderId, introduction.ProviderId);

        using var enterprise = await host.BrowserAsync(p.EnterpriseEmail);
        var declined = await enterprise.SubmitAsync($"/introductions/{introduction.Id}", $"/introductions/{introduction.Id}?handler=decline", new Dictionary<string, string> { ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Contains("Say why you decline", await declined.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var accepted = await enterprise.SubmitAsync($"/introductions/{introduction.Id}", $"/introductions/{introduction.Id}?handler=accept", []);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(IntroductionStatus.Accepted, await host.WithDbAsync(db => db.Introductions.Where(i => i.Id == introduction.Id).Select(i => i.Status).SingleAsync(Ct)));

        var inbox = await (await enterprise.GetAsync("/introductions")).Content.ReadAsStringAsync(Ct);
        Assert.Contains($"/introductions/{introduction.Id}", inbox, StringComparison.Ordinal);
    }
}
