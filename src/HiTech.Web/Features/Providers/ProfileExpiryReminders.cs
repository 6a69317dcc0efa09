using System.Text.Json;
using HiTech.Web.Infrastructure.Jobs;

namespace HiTech.Web.Features.Providers;

/// <summary>
/// Reminds each verified provider to confirm its profile 30 days and again 7 days before it lapses (a lapsed profile
/// is neither listed nor matched until the provider confirms it). <see cref="Provider.ReminderSentAt"/> records the
/// last reminder, so each is sent once however often the job runs and on however many nodes.
/// </summary>
public sealed class ProfileExpiryReminders : IRecurringJob
{
    public const string NotificationKind = "provider-profile-expiring";
    public static readonly int[] DaysBefore = [30, 7];

    public string Name => "provider-expiry-reminders";

    public TimeSpan Interval => TimeSpan.FromHours(6);

    public async Task RunAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var db = scoped.GetRequiredService<AppDbContext>();
        var clock = scoped.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var today = ProviderAccess.TodayOf(clock);
        var horizon = today.AddDays(DaysBefore.Max());
        var due = await db.Providers
            .Where(p => p.Status == ProviderStatus.Verified && p.ExpiresOn >= today && p.ExpiresOn <= horizon)
            .ToListAsync(cancellationToken);
        foreach (var provider in due.Where(p => IsDue(p, today)))
        {
            var users = await db.Users.Where(u => u.ProviderId == provider.Id).Select(u => u.Id).ToListAsync(cancellationToken);
            foreach (var user in users)
            {
                Remind(db, user, provider, now);
            }

            provider.ReminderSentAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<int?> QueueLengthAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var db = scoped.GetRequiredService<AppDbContext>();
        var today = ProviderAccess.TodayOf(scoped.GetRequiredService<TimeProvider>());
        var horizon = today.AddDays(DaysBefore.Max());
        var due = await db.Providers.AsNoTracking()
            .Where(p => p.Status == ProviderStatus.Verified && p.ExpiresOn >= today && p.ExpiresOn <= horizon)
            .ToListAsync(cancellationToken);
        return due.Count(p => IsDue(p, today));
    }

    /// <summary>
    /// A reminder is due when the profile has reached a reminder day (30 or 7 days before its last day) and none was
    /// sent since that day began.
    /// </summary>
    public static bool IsDue(Provider p, DateOnly today)
    {
        if (p.ExpiresOn is not { } last)
        {
            return false;
        }

        var reached = DaysBefore.Select(d => last.AddDays(-d)).Where(day => day <= today).DefaultIfEmpty(DateOnly.MinValue).Max();
        if (reached == DateOnly.MinValue)
        {
            return false;
        }

        return p.ReminderSentAt is not { } sent || DateOnly.FromDateTime(sent.ToOffset(TimeSpan.FromHours(5.5)).DateTime) < reached;
    }

    /// <summary>
    /// THE ONE CALL SITE of the reminder's notification. Until Kernel/Notify.cs (wt-cintro's "notify contract:") is
    /// merged it writes the in-app notification itself; then it becomes one call of Notify, which also queues the
    /// e-mail for users who chose it, worded in their language.
    /// </summary>
    private static void Remind(AppDbContext db, Guid user, Provider provider, DateTimeOffset now) =>
        db.Notifications.Add(new Notification
        {
            Id = Guid.NewGuid(),
            UserId = user,
            Kind = NotificationKind,
            Data = JsonSerializer.Serialize(new { expiresOn = provider.ExpiresOn }),
            Link = "/provider/profile",
            CreatedAt = now,
        });
}
