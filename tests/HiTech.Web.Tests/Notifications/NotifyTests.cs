using HiTech.Web.Data;
using HiTech.Web.Infrastructure;
using HiTech.Web.Kernel;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace HiTech.Web.Tests.Notifications;

/// <summary>The one writer of notifications: in the app always, by e-mail only when chosen, in the reader's language, in the caller's save.</summary>
public sealed class NotifyTests(TestHost host) : IClassFixture<TestHost>
{
    [Fact]
    public async Task Everyone_gets_it_in_the_app_and_only_those_who_chose_email_get_an_email_in_their_language()
    {
        var malayalam = await host.CreateUserAsync($"ml-{Guid.NewGuid():N}@test.local", Roles.Enterprise, language: "ml");
        var appOnly = await host.CreateUserAsync($"app-{Guid.NewGuid():N}@test.local", Roles.Enterprise);
        await host.WithDbAsync(db => db.Users.Where(u => u.Id == appOnly).ExecuteUpdateAsync(s => s.SetProperty(u => u.NotifyByEmail, false)));

        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var notify = scope.ServiceProvider.GetRequiredService<Notify>();
            var words = scope.ServiceProvider.GetRequiredService<IStringLocalizer<NotifyText>>();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await notify.ToUserAsync<NotifyText>(malayalam, "test", words["Open it on the platform:"], [], "/notifications", TestContext.Current.CancellationToken);
            await notify.ToUserAsync<NotifyText>(appOnly, "test", words["Open it on the platform:"], [], "/notifications", TestContext.Current.CancellationToken);

            // Nothing is written until the caller saves: the change and its notifications go together.
            Assert.Equal(0, await db.Notifications.CountAsync(n => n.UserId == malayalam || n.UserId == appOnly, TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var (notifications, emails) = await host.WithDbAsync(async db => (
            await db.Notifications.Where(n => n.UserId == malayalam || n.UserId == appOnly).ToListAsync(),
            await db.OutboxMessages.Where(m => m.ToEmail.StartsWith("ml-") || m.ToEmail.StartsWith("app-")).ToListAsync()));

        Assert.Equal(2, notifications.Count);
        Assert.All(notifications, n => Assert.Equal("/notifications", n.Link));
        var email = Assert.Single(emails);
        Assert.StartsWith("ml-", email.ToEmail, StringComparison.Ordinal);
        Assert.Equal("പ്ലാറ്റ്‌ഫോമിൽ തുറക്കാൻ:", email.Subject);
        Assert.Contains("/account/settings", email.Body, StringComparison.Ordinal);
        Assert.Contains("അക്കൗണ്ട് ക്രമീകരണങ്ങളിൽ", email.Body, StringComparison.Ordinal);
        Assert.Null(email.SentAt);
    }

    [Fact]
    public void A_stored_notification_is_worded_again_in_the_readers_language_with_its_values()
    {
        using var scope = host.Factory.Services.CreateScope();
        var localizers = scope.ServiceProvider.GetRequiredService<IStringLocalizerFactory>();
        var text = new NotificationText(typeof(NotifyText).FullName!, "Open it on the platform:", []);

        Assert.Equal("Open it on the platform:", NotificationWords.Word(localizers, text, new("en")));
        Assert.Equal("പ്ലാറ്റ്‌ഫോമിൽ തുറക്കാൻ:", NotificationWords.Word(localizers, text, new("ml")));
        Assert.Equal("Lab 7 said yes", NotificationWords.Word(localizers, new NotificationText("", "{0} said yes", ["Lab 7"]), new("ml")));
    }
}
