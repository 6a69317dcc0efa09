namespace HiTech.Web.Features.Partnerships;

/// <summary>Tells one side of a partnership what happened (through Kernel's <see cref="Notify"/>, in the caller's save).</summary>
public sealed class PartnershipNotices(Notify notify)
{
    public Task ToSideAsync(Partnership partnership, IntroductionSide side, string kind, LocalizedString text, IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        side == IntroductionSide.Provider
            ? notify.ToProviderAsync<PartnershipsText>(partnership.ProviderId, kind, text, args, Link(partnership), cancellationToken)
            : notify.ToOrganisationAsync<PartnershipsText>(partnership.OrganisationId, kind, text, args, Link(partnership), cancellationToken);

    public static string Link(Partnership partnership) => $"/partnerships/{partnership.Id}";
}

/// <summary>The names of a partnership's two sides, for wording notifications, lists and pages.</summary>
public sealed record PartnershipNames(string Organisation, string Provider)
{
    public static async Task<PartnershipNames> ReadAsync(AppDbContext db, Partnership partnership, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.Where(o => o.Id == partnership.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
        var provider = await db.Providers.Where(p => p.Id == partnership.ProviderId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        return new(organisation ?? "", provider ?? "");
    }

    public string Of(IntroductionSide side) => side == IntroductionSide.Provider ? Provider : Organisation;
}
