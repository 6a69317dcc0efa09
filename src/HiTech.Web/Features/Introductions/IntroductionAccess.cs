namespace HiTech.Web.Features.Introductions;

/// <summary>
/// Who may see an introduction: its two sides (the enterprise's users, the provider's users), and partnerships
/// officers and admins who follow up unanswered ones (read only). Anyone else is answered 404.
/// </summary>
public static class IntroductionAccess
{
    /// <summary>The side <paramref name="user"/> acts for on this introduction, or null when neither.</summary>
    public static IntroductionSide? SideOf(CurrentUser user, Introduction introduction) =>
        user.OwnsOrganisation(introduction.OrganisationId) ? IntroductionSide.Enterprise
        : user.ActsForProvider(introduction.ProviderId) ? IntroductionSide.Provider
        : null;

    public static bool MayRead(CurrentUser user, Introduction introduction) =>
        SideOf(user, introduction) is not null || user.IsPartnershipsOfficer;

    /// <summary>The introductions of the user's own side (none for other roles).</summary>
    public static IQueryable<Introduction> Mine(IQueryable<Introduction> introductions, CurrentUser user) =>
        user.IsEnterprise && user.OrganisationId is { } organisation ? introductions.Where(i => i.OrganisationId == organisation)
        : user.IsProvider && user.ProviderId is { } provider ? introductions.Where(i => i.ProviderId == provider)
        : introductions.Where(_ => false);
}
