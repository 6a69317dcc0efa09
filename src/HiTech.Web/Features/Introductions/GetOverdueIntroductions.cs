namespace HiTech.Web.Features.Introductions;

/// <summary>One unanswered introduction past its due date, for the partnerships officers' queue.</summary>
public sealed record OverdueLine(Guid Id, string Need, string Organisation, string Provider, IntroductionSide WaitingOn, DateTimeOffset SentAt, DateTimeOffset DueAt, DateTimeOffset? RemindedAt, DateTimeOffset? EscalatedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// The partnerships officers' queue: introductions still waiting for an answer after their due date, escalated ones
/// first, oldest first: the ones to chase by telephone before they expire.
/// </summary>
public sealed class GetOverdueIntroductions(AppDbContext db, TimeProvider clock, IStringLocalizer<IntroductionsText> l)
{
    public async Task<Outcome<IReadOnlyList<OverdueLine>>> ExecuteAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        if (!user.IsPartnershipsOfficer)
        {
            return Outcome.Forbidden<IReadOnlyList<OverdueLine>>(l["Only partnerships officers follow up unanswered introductions"]);
        }

        var now = clock.GetUtcNow();
        var rows = await (from i in db.Introductions.AsNoTracking()
                          where i.Status == IntroductionStatus.Sent && i.RemindedAt != null
                          join n in db.Needs on i.NeedId equals n.Id
                          join p in db.Providers on i.ProviderId equals p.Id
                          join o in db.Organisations on i.OrganisationId equals o.Id
                          select new { i.Id, i.SentBy, Need = n.Summary, Provider = p.Name, Organisation = o.Name, i.SentAt, i.DueAt, i.RemindedAt, i.EscalatedAt })
            .ToListAsync(cancellationToken);
        return Outcome.Ok<IReadOnlyList<OverdueLine>>([.. rows
            .Where(r => r.DueAt <= now)
            .OrderBy(r => r.EscalatedAt is null)
            .ThenBy(r => r.DueAt)
            .Select(r => new OverdueLine(
                r.Id, r.Need, r.Organisation, r.Provider, r.SentBy == IntroductionSide.Enterprise ? IntroductionSide.Provider : IntroductionSide.Enterprise,
                r.SentAt, r.DueAt, r.RemindedAt, r.EscalatedAt, IntroductionDeadlines.ExpiresAt(r.DueAt)))]);
    }
}
