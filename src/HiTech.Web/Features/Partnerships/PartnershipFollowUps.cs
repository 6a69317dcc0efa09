using HiTech.Web.Infrastructure.Jobs;

namespace HiTech.Web.Features.Partnerships;

/// <summary>
/// Asks both sides of every active partnership "what happened?" at 30 and 90 days after its start: one
/// <see cref="PartnershipFollowUp"/> row per day and side (the unique index keeps it to one), and a notification. A
/// partnership recorded late is asked only the latest question that is due, not both at once.
/// </summary>
public sealed class PartnershipFollowUps(TimeProvider clock) : IRecurringJob
{
    public static readonly int[] Days = [30, 90];

    public string Name => "partnership-follow-ups";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var db = scoped.GetRequiredService<AppDbContext>();
        var notices = scoped.GetRequiredService<PartnershipNotices>();
        var l = scoped.GetRequiredService<IStringLocalizer<PartnershipsText>>();
        var now = clock.GetUtcNow();
        var today = PartnershipDates.Today(clock);
        var firstDue = today.AddDays(-Days[0]);
        var active = await db.Partnerships.AsNoTracking()
            .Where(p => p.Status == PartnershipStatus.Active && p.StartOn <= firstDue)
            .ToListAsync(cancellationToken);
        foreach (var partnership in active)
        {
            var day = Days.Where(d => partnership.StartOn.AddDays(d) <= today).Max();
            var asked = await db.PartnershipFollowUps.Where(f => f.PartnershipId == partnership.Id && f.Day >= day).Select(f => f.Side).ToListAsync(cancellationToken);
            foreach (var side in new[] { IntroductionSide.Enterprise, IntroductionSide.Provider }.Except(asked))
            {
                db.PartnershipFollowUps.Add(new PartnershipFollowUp
                {
                    Id = Guid.NewGuid(),
                    PartnershipId = partnership.Id,
                    Day = day,
                    Side = side,
                    DueOn = partnership.StartOn.AddDays(day),
                    AskedAt = now,
                });
                await notices.ToSideAsync(partnership, side, "partnership-follow-up",
                    l["Your partnership started {0} days ago: how is it going? Answer in two clicks on the partnership's page."], [day.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node asked the same question meanwhile (the unique index): it stands, this one is dropped.
            }

            db.ChangeTracker.Clear();
        }
    }

    public async Task<int?> QueueLengthAsync(IServiceProvider scoped, CancellationToken cancellationToken) =>
        await scoped.GetRequiredService<AppDbContext>().PartnershipFollowUps.CountAsync(f => f.AnsweredAt == null, cancellationToken);
}
