namespace HiTech.Web.Features.Partnerships;

/// <summary>One partnership as its reader sees it: the follow-ups asked of the reader's side, and whether it has rated.</summary>
public sealed record PartnershipView(
    Partnership Partnership,
    IntroductionSide? MySide,
    PartnershipNames Names,
    IReadOnlyList<PartnershipFollowUp> MyFollowUps,
    bool RatedByMe)
{
    public bool CanChange => MySide is not null && Partnership.Status == PartnershipStatus.Active;

    public bool CanRate => MySide is not null && Partnership.Status == PartnershipStatus.Completed && !RatedByMe;
}

/// <summary>Reads one partnership for its two sides (officers and admins read only); never the other side's rating.</summary>
public sealed class GetPartnership(AppDbContext db, IStringLocalizer<PartnershipsText> l)
{
    public async Task<Outcome<PartnershipView>> ExecuteAsync(CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.AsNoTracking().Include(p => p.Milestones).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partnership is null || !PartnershipAccess.MayRead(user, partnership))
        {
            return Outcome.NotFound<PartnershipView>(l["There is no such partnership"]);
        }

        partnership.Milestones = [.. partnership.Milestones.OrderBy(m => m.DueOn ?? DateOnly.MaxValue).ThenBy(m => m.Title, StringComparer.Ordinal)];
        var side = PartnershipAccess.SideOf(user, partnership);
        var followUps = side is { } s
            ? await db.PartnershipFollowUps.AsNoTracking().Where(f => f.PartnershipId == id && f.Side == s).OrderBy(f => f.Day).ToListAsync(cancellationToken)
            : [];
        var rated = side is { } r && await db.PartnershipRatings.AnyAsync(x => x.PartnershipId == id && x.Side == r, cancellationToken);
        return Outcome.Ok(new PartnershipView(partnership, side, await PartnershipNames.ReadAsync(db, partnership, cancellationToken), followUps, rated));
    }
}
