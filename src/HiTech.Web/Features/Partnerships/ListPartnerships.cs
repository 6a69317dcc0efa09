namespace HiTech.Web.Features.Partnerships;

/// <summary>
/// One line of a partnerships list: the need it answers (its public summary), both sides' names, the other side's for a side's user, and the next "what
/// happened?" question: one asked and waiting for an answer (<see cref="FollowUpWaiting"/>), else the next one to come.
/// </summary>
public sealed record PartnershipLine(
    Guid Id, string Need, string Model, string Organisation, string Provider, string OtherSide, PartnershipStatus Status, DateOnly StartOn, DateOnly? NextFollowUpOn, bool FollowUpWaiting);

/// <summary>One page of partnerships, newest start first.</summary>
public sealed record PartnershipList(IReadOnlyList<PartnershipLine> Lines, int Total, int Page, int Pages);

/// <summary>
/// The partnerships a user follows: an enterprise its organisation's, a provider its own, a partnerships officer or an
/// admin every one (paged in the query: that list grows with the platform).
/// </summary>
public sealed class ListPartnerships(AppDbContext db, TimeProvider clock, IStringLocalizer<PartnershipsText> l)
{
    public const int PageSize = 50;

    public async Task<Outcome<PartnershipList>> ExecuteAsync(CurrentUser user, int? page, CancellationToken cancellationToken)
    {
        if (!user.IsEnterprise && !user.IsProvider && !user.IsPartnershipsOfficer)
        {
            return Outcome.Forbidden<PartnershipList>(l["Partnerships are recorded by the enterprise or the provider"]);
        }

        var listed = PartnershipAccess.Listed(db.Partnerships.AsNoTracking(), user);
        var total = await listed.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var current = Math.Clamp(page ?? 1, 1, pages);
        var rows = await (from p in listed
                          join o in db.Organisations on p.OrganisationId equals o.Id
                          join v in db.Providers on p.ProviderId equals v.Id
                          join i in db.Introductions on p.IntroductionId equals i.Id
                          join n in db.Needs on i.NeedId equals n.Id
                          orderby p.StartOn descending, p.Id
                          select new { p.Id, Need = n.Summary, p.Model, Organisation = o.Name, Provider = v.Name, p.Status, p.StartOn })
            .Skip((current - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);

        // A side follows its own questions; an officer any side's.
        var side = user.IsEnterprise ? IntroductionSide.Enterprise : user.IsProvider ? IntroductionSide.Provider : (IntroductionSide?)null;
        var ids = rows.Select(r => r.Id).ToArray();
        var waiting = (await db.PartnershipFollowUps.AsNoTracking()
                .Where(f => ids.Contains(f.PartnershipId) && f.AnsweredAt == null && (side == null || f.Side == side))
                .Select(f => new { f.PartnershipId, f.DueOn }).ToListAsync(cancellationToken))
            .ToLookup(f => f.PartnershipId, f => f.DueOn);
        var today = PartnershipDates.Today(clock);
        var lines = rows.Select(r =>
        {
            var asked = waiting[r.Id].Order().Cast<DateOnly?>().FirstOrDefault();
            var next = asked ?? (r.Status == PartnershipStatus.Active ? NextQuestion(r.StartOn, today) : null);
            var other = user.IsEnterprise ? r.Provider : user.IsProvider ? r.Organisation : $"{r.Organisation} · {r.Provider}";
            return new PartnershipLine(r.Id, r.Need, r.Model, r.Organisation, r.Provider, other, r.Status, r.StartOn, next, asked is not null);
        }).ToList();
        return Outcome.Ok(new PartnershipList(lines, total, current, pages));
    }

    /// <summary>The day of the next 30- or 90-day question not yet past, or null once both are.</summary>
    public static DateOnly? NextQuestion(DateOnly startOn, DateOnly today) =>
        PartnershipFollowUps.Days.Select(d => startOn.AddDays(d)).Where(d => d >= today).Cast<DateOnly?>().FirstOrDefault();
}
