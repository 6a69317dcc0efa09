namespace HiTech.Web.Features.Partnerships;

/// <summary>
/// After completion each side rates the other once, 1 to 5. A rating is never shown on its own: it only enters the
/// provider's aggregates (Kernel's ProviderResponsiveness), so nobody can read what one firm said.
/// </summary>
public sealed class RatePartnership(AppDbContext db, TimeProvider clock, IStringLocalizer<PartnershipsText> l)
{
    public async Task<Outcome<PartnershipRating>> ExecuteAsync(CurrentUser user, Guid id, int? stars, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partnership is null || !PartnershipAccess.MayRead(user, partnership))
        {
            return Outcome.NotFound<PartnershipRating>(l["There is no such partnership"]);
        }

        if (PartnershipAccess.SideOf(user, partnership) is not { } side)
        {
            return Outcome.Forbidden<PartnershipRating>(l["Only the two sides of a partnership can change it"]);
        }

        if (stars is not (>= 1 and <= 5))
        {
            return Outcome.Invalid<PartnershipRating>("stars", l["Give a rating from 1 to 5"]);
        }

        if (partnership.Status != PartnershipStatus.Completed)
        {
            return Outcome.Conflict<PartnershipRating>(l["A partnership can be rated once it is completed"]);
        }

        if (await db.PartnershipRatings.AnyAsync(r => r.PartnershipId == id && r.Side == side, cancellationToken))
        {
            return Outcome.Conflict<PartnershipRating>(l["Your side has already rated this partnership"]);
        }

        var rating = new PartnershipRating { PartnershipId = id, Side = side, Stars = stars.Value, RatedAt = clock.GetUtcNow() };
        db.PartnershipRatings.Add(rating);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome.Conflict<PartnershipRating>(l["Your side has already rated this partnership"]);
        }

        return Outcome.Ok(rating);
    }
}
