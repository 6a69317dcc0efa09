namespace HiTech.Web.Features.Partnerships;

/// <summary>
/// The checks every change to a partnership starts with: the partnership exists and the user is one of its sides
/// (else 404, or 403 for an officer who may only read), and the version read is the current one (else a conflict).
/// </summary>
public static class PartnershipChecks
{
    public static async Task<(Partnership? Partnership, IntroductionSide Side, Outcome<Partnership>? Refused)> LoadForSideAsync(
        AppDbContext db, CurrentUser user, Guid id, int? version, IStringLocalizer<PartnershipsText> l, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.Include(p => p.Milestones).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partnership is null || !PartnershipAccess.MayRead(user, partnership))
        {
            return (null, default, Outcome.NotFound<Partnership>(l["There is no such partnership"]));
        }

        if (PartnershipAccess.SideOf(user, partnership) is not { } side)
        {
            return (null, default, Outcome.Forbidden<Partnership>(l["Only the two sides of a partnership can change it"]));
        }

        if (version is null)
        {
            return (null, side, Outcome.Invalid<Partnership>("version", l["Send the version of the partnership you read"]));
        }

        if (version != partnership.Version)
        {
            return (null, side, Outcome.Stale<Partnership>(l["Someone changed this partnership after you read it: read it again, then try again."], partnership.Version));
        }

        return (partnership, side, null);
    }

    /// <summary>Saves; a concurrent change by the other side is a conflict, not an overwrite.</summary>
    public static async Task<Outcome<Partnership>> SaveAsync(AppDbContext db, Partnership partnership, IStringLocalizer<PartnershipsText> l, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Ok(partnership);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict<Partnership>(l["Someone changed this partnership after you read it: read it again, then try again."]);
        }
    }
}
