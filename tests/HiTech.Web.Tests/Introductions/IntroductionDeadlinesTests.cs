using HiTech.Web.Data.Entities;
using HiTech.Web.Features.Introductions;
using HiTech.Web.Infrastructure;
using HiTech.Web.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Introductions;

/// <summary>Unanswered introductions: reminded when due, escalated to officers 2 working days later, expired 3 after that.</summary>
[Collection(IntroductionsCollection.Name)]
public sealed class IntroductionDeadlinesTests(IntroductionsFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unanswered_introduction_is_reminded_then_escalated_then_expired_and_the_enterprise_is_freed()
    {
        var p = await host.PartiesAsync(responseDays: 5);
        var officer = await host.CreateUserAsync($"officer-{Guid.NewGuid():N}@test.local", Roles.PartnershipsOfficer);
        // Sent on Monday 2 March 2026, 10:00 IST: due Monday 9 March; escalated Wednesday 11; expires Monday 16.
        var sentAt = new DateTimeOffset(2026, 3, 2, 4, 30, 0, TimeSpan.Zero);
        var id = await SendAsync(p, sentAt);
        var providerUser = await host.UserIdAsync(p.ProviderEmail);
        var enterpriseUser = await host.UserIdAsync(p.EnterpriseEmail);

        await RunAtAsync(new DateTimeOffset(2026, 3, 9, 4, 0, 0, TimeSpan.Zero));
        Assert.Equal((null, null, IntroductionStatus.Sent), await StateAsync(id));

        await RunAtAsync(new DateTimeOffset(2026, 3, 9, 5, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await KindCountAsync(providerUser, "introduction-reminder"));
        // Running again the same day changes nothing: one reminder.
        await RunAtAsync(new DateTimeOffset(2026, 3, 10, 5, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await KindCountAsync(providerUser, "introduction-reminder"));
        Assert.Equal(0, await KindCountAsync(officer, "introduction-escalated"));

        await RunAtAsync(new DateTimeOffset(2026, 3, 11, 5, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await KindCountAsync(officer, "introduction-escalated"));
        Assert.NotNull((await StateAsync(id)).Escalated);

        // The officers' queue shows it until it expires.
        using var officerBrowser = await host.BrowserAsync((await host.WithDbAsync(db => db.Users.Where(u => u.Id == officer).Select(u => u.Email).SingleAsync(Ct)))!);
        Assert.Contains($"/introductions/{id}", await (await officerBrowser.GetAsync("/introductions/overdue", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        await RunAtAsync(new DateTimeOffset(2026, 3, 13, 5, 0, 0, TimeSpan.Zero));
        Assert.Equal(IntroductionStatus.Sent, (await StateAsync(id)).Status);
        await RunAtAsync(new DateTimeOffset(2026, 3, 16, 5, 0, 0, TimeSpan.Zero));
        Assert.Equal(IntroductionStatus.Expired, (await StateAsync(id)).Status);
        Assert.Equal(1, await KindCountAsync(enterpriseUser, "introduction-expired"));
        Assert.Equal(1, await KindCountAsync(providerUser, "introduction-expired"));
    }

    [Fact]
    public async Task An_answered_introduction_is_left_alone()
    {
        var p = await host.PartiesAsync();
        var id = await SendAsync(p, new DateTimeOffset(2026, 3, 2, 4, 30, 0, TimeSpan.Zero));
        await host.WithDbAsync(db => db.Introductions.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, IntroductionStatus.Accepted), Ct));

        await RunAtAsync(new DateTimeOffset(2026, 4, 1, 5, 0, 0, TimeSpan.Zero));

        Assert.Equal((null, null, IntroductionStatus.Accepted), await StateAsync(id));
    }

    private async Task<Guid> SendAsync(IntroductionParties p, DateTimeOffset sentAt)
    {
        var id = Guid.NewGuid();
        var sender = await host.UserIdAsync(p.EnterpriseEmail);
        await host.WithDbAsync(db =>
        {
            db.Introductions.Add(new Introduction
            {
                Id = id,
                NeedId = p.NeedId,
                ProviderId = p.ProviderId,
                OrganisationId = p.OrganisationId,
                SentBy = IntroductionSide.Enterprise,
                SentByUser = sender,
                SentAt = sentAt,
                DueAt = WorkingDays.Add(sentAt, 5),
            });
            return db.SaveChangesAsync(Ct);
        });
        return id;
    }

    private async Task RunAtAsync(DateTimeOffset now)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        await new IntroductionDeadlines(new FixedClock(now)).RunAsync(scope.ServiceProvider, Ct);
    }

    private Task<(DateTimeOffset? Reminded, DateTimeOffset? Escalated, IntroductionStatus Status)> StateAsync(Guid id) =>
        host.WithDbAsync(async db =>
        {
            var i = await db.Introductions.AsNoTracking().SingleAsync(x => x.Id == id, Ct);
            return (i.RemindedAt, i.EscalatedAt, i.Status);
        });

    private Task<int> KindCountAsync(Guid user, string kind) => host.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == user && n.Kind == kind, Ct));
}

/// <summary>A clock that says what the test tells it.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
