using HiTech.Web.Infrastructure.Jobs;

namespace HiTech.Web.Features.Introductions;

/// <summary>
/// What keeps requests from going unanswered, run every 15 minutes. An introduction still waiting when its due date
/// passes: the answering side is reminded. Two working days later: partnerships officers are told (and it shows in
/// their queue, /introductions/overdue). Three working days after that: it expires, and the sender is told it is
/// free to go elsewhere. One step per introduction per run, so a late run never skips straight to expiry.
/// </summary>
public sealed class IntroductionDeadlines(TimeProvider clock) : IRecurringJob
{
    public const int EscalateAfterWorkingDays = 2;
    public const int ExpireAfterWorkingDays = 3;

    public string Name => "introduction-deadlines";

    public TimeSpan Interval => TimeSpan.FromMinutes(15);

    public static DateTimeOffset EscalatesAt(DateTimeOffset dueAt) => WorkingDays.Add(dueAt, EscalateAfterWorkingDays);

    public static DateTimeOffset ExpiresAt(DateTimeOffset dueAt) => WorkingDays.Add(dueAt, EscalateAfterWorkingDays + ExpireAfterWorkingDays);

    public async Task RunAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var db = scoped.GetRequiredService<AppDbContext>();
        var notices = scoped.GetRequiredService<IntroductionNotices>();
        var l = scoped.GetRequiredService<IStringLocalizer<IntroductionsText>>();
        var now = clock.GetUtcNow();

        // Compared in memory: SQLite cannot compare DateTimeOffset values, and waiting introductions are few.
        var waiting = await db.Introductions.Where(i => i.Status == IntroductionStatus.Sent).Select(i => new { i.Id, i.DueAt }).ToListAsync(cancellationToken);
        foreach (var id in waiting.Where(w => w.DueAt <= now).Select(w => w.Id))
        {
            var introduction = await db.Introductions.FirstAsync(i => i.Id == id, cancellationToken);
            if (!await StepAsync(introduction, now, db, notices, l, cancellationToken))
            {
                continue;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Answered or withdrawn meanwhile: the person wins; nothing of this step is saved.
            }

            db.ChangeTracker.Clear();
        }
    }

    public async Task<int?> QueueLengthAsync(IServiceProvider scoped, CancellationToken cancellationToken) =>
        await scoped.GetRequiredService<AppDbContext>().Introductions.CountAsync(i => i.Status == IntroductionStatus.Sent && i.RemindedAt != null, cancellationToken);

    private static async Task<bool> StepAsync(Introduction introduction, DateTimeOffset now, AppDbContext db, IntroductionNotices notices, IStringLocalizer<IntroductionsText> l, CancellationToken cancellationToken)
    {
        var names = await IntroductionNames.ReadAsync(db, introduction, cancellationToken);
        var receiver = introduction.Receiver();
        if (introduction.RemindedAt is null)
        {
            introduction.RemindedAt = now;
            await notices.ToSideAsync(introduction, receiver, "introduction-reminder",
                l["Reminder: {0} is waiting for your answer to the expression of interest about “{1}”. It was due on {2}."],
                [names.Of(introduction.SentBy), names.Need, Fmt.Date(introduction.DueAt)], cancellationToken);
            return true;
        }

        if (introduction.EscalatedAt is null && now >= EscalatesAt(introduction.DueAt))
        {
            introduction.EscalatedAt = now;
            await notices.ToOfficersAsync(introduction, "introduction-escalated",
                l["{0} has not answered the expression of interest from {1} about “{2}”, due on {3}. It expires on {4}."],
                [names.Of(receiver), names.Of(introduction.SentBy), names.Need, Fmt.Date(introduction.DueAt), Fmt.Date(ExpiresAt(introduction.DueAt))], cancellationToken);
            return true;
        }

        if (introduction.EscalatedAt is not null && now >= ExpiresAt(introduction.DueAt))
        {
            introduction.Apply(IntroductionMove.Expire, IntroductionActor.Platform, null, now);
            await notices.ToSideAsync(introduction, introduction.SentBy, "introduction-expired",
                l["{0} did not answer the expression of interest about “{1}” in time, so it is closed. You are free to go elsewhere."],
                [names.Of(receiver), names.Need], cancellationToken);
            await notices.ToSideAsync(introduction, receiver, "introduction-expired",
                l["The expression of interest from {0} about “{1}” was not answered in time, so it is closed."],
                [names.Of(introduction.SentBy), names.Need], cancellationToken);
            return true;
        }

        return false;
    }
}
