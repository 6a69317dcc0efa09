namespace HiTech.Web.Features.Partnerships;

/// <summary>
/// Who may see a partnership: its two sides (the enterprise's users, the provider's users), and partnerships officers
/// and admins (read only, to follow up). Anyone else is answered 404, as for introductions.
/// </summary>
public static class PartnershipAccess
{
    public static IntroductionSide? SideOf(CurrentUser user, Partnership partnership) =>
        user.OwnsOrganisation(partnership.OrganisationId) ? IntroductionSide.Enterprise
        : user.ActsForProvider(partnership.ProviderId) ? IntroductionSide.Provider
        : null;

    public static bool MayRead(CurrentUser user, Partnership partnership) =>
        SideOf(user, partnership) is not null || user.IsPartnershipsOfficer;

    /// <summary>The partnerships of the user's own side (none for other roles).</summary>
    public static IQueryable<Partnership> Mine(IQueryable<Partnership> partnerships, CurrentUser user) =>
        user.IsEnterprise && user.OrganisationId is { } organisation ? partnerships.Where(p => p.OrganisationId == organisation)
        : user.IsProvider && user.ProviderId is { } provider ? partnerships.Where(p => p.ProviderId == provider)
        : partnerships.Where(_ => false);

    /// <summary>What a user's list shows: a side's own partnerships; an officer's or admin's, all of them.</summary>
    public static IQueryable<Partnership> Listed(IQueryable<Partnership> partnerships, CurrentUser user) =>
        user.IsEnterprise || user.IsProvider ? Mine(partnerships, user)
        : user.IsPartnershipsOfficer ? partnerships
        : partnerships.Where(_ => false);

    public static IntroductionSide Other(IntroductionSide side) =>
        side == IntroductionSide.Provider ? IntroductionSide.Enterprise : IntroductionSide.Provider;
}
