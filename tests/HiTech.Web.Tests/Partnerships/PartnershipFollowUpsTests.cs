using System.Net;
using System.Net.Http.Json;
using HiTech.Web.Data.Entities;
using HiTech.Web.Features.Partnerships;
using HiTech.Web.Tests.Introductions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Partnerships;

/// <summary>The 30- and 90-day questions: asked once per side, each side told, answered once by its own side.</summary>
[Collection(IntroductionsCollection.Name)]
public sealed class PartnershipFollowUpsTests(IntroductionsFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Both_sides_are_asked_at_30_and_90_days_once_and_answer_their_own_question()
    {
        var p = await host.PartiesAsync();
        using var enterprise = await host.ApiAsync(p.EnterpriseEmail);
        using var provider = await host.ApiAsync(p.ProviderEmail);
        // Started Monday 2 March 2026: day 30 is 1 April, day 90 is 31 May (dates in India).
        var id = await PartnershipFlowTests.AcceptedPartnershipAsync(enterprise, provider, p, startOn: "2026-03-02");
        var providerUser = await host.UserIdAsync(p.ProviderEmail);

        await RunAtAsync(new DateTimeOffset(2026, 3, 31, 12, 0, 0, TimeSpan.Zero));
        Assert.Empty(await FollowUpsAsync(id));

        // 1 April 00:30 in India is still 31 March in UTC: the question is due by the Indian date.
        await RunAtAsync(new DateTimeOffset(2026, 3, 31, 19, 0, 0, TimeSpan.Zero));
        Assert.Equal([(30, IntroductionSide.Enterprise), (30, IntroductionSide.Provider)], await FollowUpsAsync(id));
        await RunAtAsync(new DateTimeOffset(2026, 4, 2, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, (await FollowUpsAsync(id)).Count);
        Assert.Equal(1, await host.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == providerUser && n.Kind == "partnership-follow-up", Ct)));

        var mine = (await IntroductionsFixture.JsonAsync(await enterprise.GetAsync($"/api/v1/partnerships/{id}", Ct))).GetProperty("my_follow_ups");
        Assert.Equal(1, mine.GetArrayLength());
        var question = mine[0].GetProperty("id").GetGuid();
        var url = $"/api/v1/partnerships/{id}/follow-ups/{question}";
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PostAsJsonAsync(url, new { progress = "on-track" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await enterprise.PostAsJsonAsync(url, new { progress = "fine" }, Ct)).StatusCode);
        var answered = await enterprise.PostAsJsonAsync(url, new { progress = "Delayed", note = "Samples late from the foundry" }, Ct);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("delayed", (await IntroductionsFixture.JsonAsync(answered)).GetProperty("progress").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await enterprise.PostAsJsonAsync(url, new { progress = "on-track" }, Ct)).StatusCode);

        await RunAtAsync(new DateTimeOffset(2026, 5, 31, 12, 0, 0, TimeSpan.Zero));
        await RunAtAsync(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(
            [(30, IntroductionSide.Enterprise), (30, IntroductionSide.Provider), (90, IntroductionSide.Enterprise), (90, IntroductionSide.Provider)],
            await FollowUpsAsync(id));
    }

    [Fact]
    public async Task A_partnership_recorded_late_is_asked_only_the_latest_question_and_an_ended_one_none()
    {
        var p = await host.PartiesAsync();
        using var enterprise = await host.ApiAsync(p.EnterpriseEmail);
        using var provider = await host.ApiAsync(p.ProviderEmail);
        var late = await PartnershipFlowTests.AcceptedPartnershipAsync(enterprise, provider, p, startOn: "2026-01-01");
        var q = await host.PartiesAsync();
        using var enterprise2 = await host.ApiAsync(q.EnterpriseEmail);
        using var provider2 = await host.ApiAsync(q.ProviderEmail);
        var ended = await PartnershipFlowTests.AcceptedPartnershipAsync(enterprise2, provider2, q, startOn: "2026-01-01");
        await host.WithDbAsync(db => db.Partnerships.Where(x => x.Id == ended).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, PartnershipStatus.Ended), Ct));

        await RunAtAsync(new DateTimeOffset(2026, 4, 15, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal([(90, IntroductionSide.Enterprise), (90, IntroductionSide.Provider)], await FollowUpsAsync(late));
        Assert.Empty(await FollowUpsAsync(ended));
    }

    private async Task RunAtAsync(DateTimeOffset now)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        await new PartnershipFollowUps(new FixedClock(now)).RunAsync(scope.ServiceProvider, Ct);
    }

    private Task<List<(int Day, IntroductionSide Side)>> FollowUpsAsync(Guid partnership) =>
        host.WithDbAsync(async db => (await db.PartnershipFollowUps.AsNoTracking().Where(f => f.PartnershipId == partnership).ToListAsync(Ct))
            .Select(f => (f.Day, f.Side)).OrderBy(x => x.Day).ThenBy(x => x.Side).ToList());
}
