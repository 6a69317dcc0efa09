using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace HiTech.Web.Infrastructure;

/// <summary>
/// Who is asking, read from the authenticated principal: id, roles and (for Enterprise users) organisation.
/// Handlers take this and decide access by role and by organisation.
/// </summary>
public sealed class CurrentUser
{
    public static readonly CurrentUser Anonymous = new(null, [], null);

    public CurrentUser(Guid? id, IReadOnlyCollection<string> roles, Guid? organisationId, Guid? providerId = null)
    {
        Id = id;
        Roles = roles;
        OrganisationId = organisationId;
        ProviderId = providerId;
    }

    public Guid? Id { get; }

    public IReadOnlyCollection<string> Roles { get; }

    public Guid? OrganisationId { get; }

    /// <summary>The provider a Provider user answers for.</summary>
    public Guid? ProviderId { get; }

    public bool IsAuthenticated => Id is not null;

    public bool IsEnterprise => Roles.Contains(Infrastructure.Roles.Enterprise);

    public bool IsAssessor => Roles.Contains(Infrastructure.Roles.Assessor);

    public bool IsAnalyst => Roles.Contains(Infrastructure.Roles.Analyst);

    public bool IsAdmin => Roles.Contains(Infrastructure.Roles.Admin);

    public bool IsProvider => Roles.Contains(Infrastructure.Roles.Provider);

    /// <summary>A partnerships officer, or an admin (who may do all an officer does).</summary>
    public bool IsPartnershipsOfficer => Roles.Contains(Infrastructure.Roles.PartnershipsOfficer) || IsAdmin;

    /// <summary>May this user answer for this provider's profile, introductions and partnerships?</summary>
    public bool ActsForProvider(Guid providerId) => IsProvider && ProviderId == providerId;

    public Guid RequiredId => Id ?? throw new InvalidOperationException("No signed-in user.");

    /// <summary>May this user see and change this organisation's own data (profile, units, activities, assessments)?</summary>
    public bool OwnsOrganisation(Guid organisationId) => IsEnterprise && OrganisationId == organisationId;

    public static CurrentUser From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var id = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) ? userId : (Guid?)null;
        var organisation = Guid.TryParse(principal.FindFirstValue(Infrastructure.Roles.OrganisationClaim), out var org) ? org : (Guid?)null;
        var provider = Guid.TryParse(principal.FindFirstValue(Infrastructure.Roles.ProviderClaim), out var prov) ? prov : (Guid?)null;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new CurrentUser(id, roles, organisation, provider);
    }
}

/// <summary>Adds the organisation and language claims to the principal at sign-in, so no request needs a user lookup.</summary>
public sealed class AppClaimsFactory(
    UserManager<Data.Entities.AppUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Data.Entities.AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Data.Entities.AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.OrganisationId is { } organisation)
        {
            identity.AddClaim(new Claim(Infrastructure.Roles.OrganisationClaim, organisation.ToString()));
        }

        if (user.ProviderId is { } provider)
        {
            identity.AddClaim(new Claim(Infrastructure.Roles.ProviderClaim, provider.ToString()));
        }

        identity.AddClaim(new Claim(Infrastructure.Roles.LanguageClaim, user.Language));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(Infrastructure.Roles.MustChangePasswordClaim, "true"));
        }

        return identity;
    }
}
