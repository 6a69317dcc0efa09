namespace HiTech.Web.Features.Partnerships;

/// <summary>One line of the user's partnerships list.</summary>
public sealed record PartnershipLine(Guid Id, string Model, string OtherSide, PartnershipStatus Status, DateOnly StartOn);

/// <summary>The partnerships of the user's side (an enterprise: its organisation's; a provider: its own), newest start first.</summary>
public sealed class ListPartnerships(AppDbContext db, IStringLocalizer<PartnershipsText> l)
{
    public async Task<Outcome<IReadOnlyList<PartnershipLine>>> ExecuteAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        if (!user.IsEnterprise && !user.IsProvider)
        {
            return Outcome.Forbidden<IReadOnlyList<PartnershipLine>>(l["Partnerships are recorded by the enterprise or the provider"]);
        }

        var enterprise = user.IsEnterprise;
        var lines = await (from p in PartnershipAccess.Mine(db.Partnerships.AsNoTracking(), user)
                           join o in db.Organisations on p.OrganisationId equals o.Id
                           join v in db.Providers on p.ProviderId equals v.Id
                           orderby p.StartOn descending
                           select new PartnershipLine(p.Id, p.Model, enterprise ? v.Name : o.Name, p.Status, p.StartOn))
            .ToListAsync(cancellationToken);
        return Outcome.Ok<IReadOnlyList<PartnershipLine>>(lines);
    }
}
