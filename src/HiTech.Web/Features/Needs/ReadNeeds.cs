namespace HiTech.Web.Features.Needs;

/// <summary>
/// An enterprise's own needs: the list (newest first, with how many introductions each has had) and one need. Another
/// organisation's need answers NotFound, never a hint that it exists.
/// </summary>
public sealed class ReadNeeds(AppDbContext db, IStringLocalizer<NeedsText> l)
{
    public async Task<Outcome<IReadOnlyList<NeedView>>> MineAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        if (!user.IsEnterprise || user.OrganisationId is not { } organisation)
        {
            return Outcome.Forbidden<IReadOnlyList<NeedView>>(l["Only an enterprise has needs"]);
        }

        var needs = await db.Needs.AsNoTracking().Where(n => n.OrganisationId == organisation)
            .Select(n => new { Need = n, Introductions = db.Introductions.Count(i => i.NeedId == n.Id) })
            .ToListAsync(cancellationToken);
        return Outcome.Ok<IReadOnlyList<NeedView>>([.. needs.OrderByDescending(n => n.Need.PostedAt).Select(n => new NeedView(n.Need, n.Introductions))]);
    }

    public async Task<Outcome<NeedView>> OneAsync(CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        if (!user.IsEnterprise || user.OrganisationId is not { } organisation)
        {
            return Outcome.Forbidden<NeedView>(l["Only an enterprise has needs"]);
        }

        var found = await db.Needs.AsNoTracking().Where(n => n.Id == id && n.OrganisationId == organisation)
            .Select(n => new { Need = n, Introductions = db.Introductions.Count(i => i.NeedId == n.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? Outcome.NotFound<NeedView>(l["There is no such need among yours"]) : Outcome.Ok(new NeedView(found.Need, found.Introductions));
    }
}
