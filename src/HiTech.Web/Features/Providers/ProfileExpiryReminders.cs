using HiTech.Web.Infrastructure.Jobs;

namespace HiTech.Web.Features.Providers;

/// <summary>
/// Reminds each verified provider to confirm its profile 30 days and again 7 days before it lapses (a lapsed profile
/// is neither listed nor matched until the provider confirms it). <see cref="Provider.ReminderSentAt"/> records the
/// last reminder, so each is sent once however often the job runs and on however many nodes. The reminder goes through
/// <see cref="Notify"/> like every other notice: in the app, and by e-mail to those who chose it.
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
        var notify = scoped.GetRequiredService<Notify>();
        var l = scoped.GetRequiredService<IStringLocalizer<ProvidersText>>();
        foreach (var provider in due.Where(p => IsDue(p, today)))
        {
            await notify.ToProviderAsync<ProvidersText>(provider.Id, NotificationKind,
                l["Your listing in the directory ends on {0}. If your profile is still right, confirm it to stay listed and matched for another 12 months."],
                [Fmt.Date(provider.ExpiresOn!.Value)], "/provider/profile", cancellationToken);
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
}
