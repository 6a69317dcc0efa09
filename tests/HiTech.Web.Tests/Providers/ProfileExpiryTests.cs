using System.Net;
using HiTech.Web.Features.Providers;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HiTech.Web.Tests.Providers.ProviderTesting;

namespace HiTech.Web.Tests.Providers;

/// <summary>Profiles lapse 12 months after verification; the job reminds 30 and 7 days before, once each; confirming renews.</summary>
public sealed class ProfileExpiryTests(TestHost host) : IClassFixture<TestHost>
{
    /// <summary>The clock the job reads, set by the test (the job takes its TimeProvider from the run's scope).</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>The run's scope, with the test's clock in place of the system's.</summary>
    private sealed class ScopeWithClock(IServiceProvider inner, TimeProvider clock) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(TimeProvider) ? clock : inner.GetService(serviceType);
    }

    private async Task RunAsync(DateOnly day)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<HiTech.Web.Infrastructure.Jobs.IRecurringJob>().OfType<ProfileExpiryReminders>().Single();
        var noonInIndia = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(5.5));
        // A TimeProvider answers in UTC, as the system clock does (PostgreSQL stores only UTC instants).
        await job.RunAsync(new ScopeWithClock(scope.ServiceProvider, new FixedClock(noonInIndia.ToUniversalTime())), None);
    }

    private Task<int> RemindersAsync(Guid user) =>
        host.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == user && n.Kind == ProfileExpiryReminders.NotificationKind, None));

    [Fact]
    public async Task Reminders_go_30_and_7_days_before_expiry_once_each_and_confirming_renews_from_today()
    {
        var (api, id) = await ListedProviderAsync(host, "expiry@providers.test", Profile("Expiry Lab"));
        var user = await host.UserIdAsync("expiry@providers.test");
        var expires = (await ProviderAsync(host, id)).ExpiresOn!.Value;

        await RunAsync(expires.AddDays(-31));
        Assert.Equal(0, await RemindersAsync(user));
        await RunAsync(expires.AddDays(-30));
        Assert.Equal(1, await RemindersAsync(user));
        await RunAsync(expires.AddDays(-29));
        await RunAsync(expires.AddDays(-8));
        Assert.Equal(1, await RemindersAsync(user));
        await RunAsync(expires.AddDays(-7));
        await RunAsync(expires.AddDays(-6));
        Assert.Equal(2, await RemindersAsync(user));
        await RunAsync(expires.AddDays(1));
        Assert.Equal(2, await RemindersAsync(user));

        // Confirming renews from today and starts the reminders over.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/providers/mine/confirm", null, None)).StatusCode);
        var renewed = await ProviderAsync(host, id);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5.5)).AddMonths(12), renewed.ExpiresOn);
        Assert.Null(renewed.ReminderSentAt);
    }

    [Fact]
    public async Task Reminders_go_through_notify_in_the_app_to_every_account_and_by_email_to_those_who_chose_it_once_each()
    {
        var (_, id) = await ListedProviderAsync(host, "notify-expiry@providers.test", Profile("Notify Expiry Lab"));
        var byEmail = await host.UserIdAsync("notify-expiry@providers.test");
        var appOnly = await host.CreateUserAsync("notify-expiry-app@providers.test", HiTech.Web.Infrastructure.Roles.Provider, language: "ml");
        await host.WithDbAsync(db => db.Users.Where(u => u.Id == appOnly)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ProviderId, id).SetProperty(u => u.NotifyByEmail, false), None));
        var expires = (await ProviderAsync(host, id)).ExpiresOn!.Value;
        Task<int> EmailsAsync(string email) => host.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToEmail == email, None));

        await RunAsync(expires.AddDays(-30));
        await RunAsync(expires.AddDays(-30));
        Assert.Equal(1, await RemindersAsync(byEmail));
        Assert.Equal(1, await RemindersAsync(appOnly));
        Assert.Equal(1, await EmailsAsync("notify-expiry@providers.test"));
        Assert.Equal(0, await EmailsAsync("notify-expiry-app@providers.test"));
        var email = await host.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ToEmail == "notify-expiry@providers.test", None));
        Assert.Contains(HiTech.Web.Infrastructure.Localization.Fmt.Date(expires), email.Subject, StringComparison.Ordinal);
        Assert.Contains("/provider/profile", email.Body, StringComparison.Ordinal);

        // The in-app notice is worded in each reader's language; a reminder stored the old way (before Notify) still lists.
        await host.WithDbAsync(db =>
        {
            db.Notifications.Add(new HiTech.Web.Data.Entities.Notification { Id = Guid.NewGuid(), UserId = appOnly, Kind = ProfileExpiryReminders.NotificationKind, Data = "{\"expiresOn\":\"2027-01-31\"}", Link = "/provider/profile", CreatedAt = DateTimeOffset.UtcNow.AddDays(-40) });
            return db.SaveChangesAsync(None);
        });
        using (var browser = await host.BrowserAsync("notify-expiry-app@providers.test", cultureCookie: "ml"))
        {
            Assert.Contains("ഡയറക്ടറിയിലെ നിങ്ങളുടെ ലിസ്റ്റിംഗ്", await browser.GetHtmlAsync("/notifications"), StringComparison.Ordinal);
        }

        await RunAsync(expires.AddDays(-7));
        await RunAsync(expires.AddDays(-7));
        Assert.Equal(2, await RemindersAsync(byEmail));
        Assert.Equal(3, await RemindersAsync(appOnly));
        Assert.Equal(2, await EmailsAsync("notify-expiry@providers.test"));
        Assert.Equal(0, await EmailsAsync("notify-expiry-app@providers.test"));
    }

    [Fact]
    public async Task A_lapsed_profile_is_not_listed_until_the_provider_confirms_it()
    {
        var (api, id) = await ListedProviderAsync(host, "lapse@providers.test", Profile("Lapse Lab", "Ultrasonic lapse testing"));
        await host.WithDbAsync(async db =>
        {
            var p = await db.Providers.SingleAsync(x => x.Id == id, None);
            (p.VerifiedOn, p.ExpiresOn) = (p.VerifiedOn!.Value.AddMonths(-13), p.ExpiresOn!.Value.AddMonths(-13));
            return await db.SaveChangesAsync(None);
        });
        Assert.DoesNotContain(id.ToString(), await host.Anonymous().GetStringAsync("/api/v1/providers/?q=lapse", None), StringComparison.Ordinal);
        using (var browser = await host.BrowserAsync("lapse@providers.test"))
        {
            Assert.Contains("Your listing ended on", await browser.GetHtmlAsync("/provider/profile"), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/providers/mine/confirm", null, None)).StatusCode);
        Assert.Contains(id.ToString(), await host.Anonymous().GetStringAsync("/api/v1/providers/?q=lapse", None), StringComparison.Ordinal);
    }
}
