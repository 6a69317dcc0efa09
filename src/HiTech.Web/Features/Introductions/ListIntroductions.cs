namespace HiTech.Web.Features.Introductions;

/// <summary>One line of the inbox: which way it went, about what, with whom, where it stands.</summary>
public sealed record IntroductionLine(Guid Id, bool Received, string Need, string OtherSide, IntroductionStatus Status, DateTimeOffset SentAt, DateTimeOffset DueAt, DateTimeOffset? AnsweredAt);

/// <summary>
/// The inbox: an enterprise user's organisation's introductions, or a provider user's provider's, received and sent,
/// newest first, optionally of one status. Other roles have no inbox (officers have the overdue queue).
/// </summary>
public sealed class ListIntroductions(AppDbContext db, IStringLocalizer<IntroductionsText> l)
{
    public const int Limit = 500;

    public async Task<Outcome<IReadOnlyList<IntroductionLine>>> ExecuteAsync(CurrentUser user, IntroductionStatus? status, CancellationToken cancellationToken)
    {
        if (!(user.IsEnterprise && user.OrganisationId is not null) && !(user.IsProvider && user.ProviderId is not null))
        {
            return Outcome.Forbidden<IReadOnlyList<IntroductionLine>>(l["Introductions are for enterprises and providers"]);
        }

        var mine = IntroductionAccess.Mine(db.Introductions.AsNoTracking(), user);
        if (status is { } only)
        {
            mine = mine.Where(i => i.Status == only);
        }

        var mySide = user.IsEnterprise && user.OrganisationId is not null ? IntroductionSide.Enterprise : IntroductionSide.Provider;
        var rows = await (from i in mine
                          join n in db.Needs on i.NeedId equals n.Id
                          join p in db.Providers on i.ProviderId equals p.Id
                          join o in db.Organisations on i.OrganisationId equals o.Id
                          select new { i.Id, i.SentBy, Need = n.Summary, Provider = p.Name, Organisation = o.Name, i.Status, i.SentAt, i.DueAt, i.AnsweredAt })
            .ToListAsync(cancellationToken);
        // Newest first, in memory: SQLite cannot ORDER BY a DateTimeOffset, and one side's introductions are few.
        rows = [.. rows.OrderByDescending(r => r.SentAt).Take(Limit)];
        return Outcome.Ok<IReadOnlyList<IntroductionLine>>([.. rows.Select(r => new IntroductionLine(
            r.Id, r.SentBy != mySide, r.Need, mySide == IntroductionSide.Enterprise ? r.Provider : r.Organisation, r.Status, r.SentAt, r.DueAt, r.AnsweredAt))]);
    }
}
