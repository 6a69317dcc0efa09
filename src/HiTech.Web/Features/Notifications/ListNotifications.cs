using System.Globalization;

namespace HiTech.Web.Features.Notifications;

/// <summary>One notification worded in the reader's language now.</summary>
public sealed record NotificationLine(Guid Id, string Text, string Link, DateTimeOffset CreatedAt, bool Unread);

/// <summary>
/// The signed-in user's notifications, newest first (the latest <see cref="Limit"/>), worded in the language they read
/// now; reading the list marks them read. The header's count is <see cref="UnreadAsync"/>.
/// </summary>
public sealed class ListNotifications(AppDbContext db, TimeProvider clock, IStringLocalizerFactory localizers)
{
    public const int Limit = 100;

    public async Task<IReadOnlyList<NotificationLine>> ExecuteAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        var rows = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).ToListAsync(cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        var lines = rows.OrderByDescending(n => n.CreatedAt).Take(Limit)
            .Select(n => new NotificationLine(n.Id, NotificationWords.Word(localizers, NotificationWords.Read(n), culture), n.Link, n.CreatedAt, n.ReadAt is null))
            .ToList();
        if (lines.Any(n => n.Unread))
        {
            var now = clock.GetUtcNow();
            await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        }

        return lines;
    }

    public Task<int> UnreadAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
}
