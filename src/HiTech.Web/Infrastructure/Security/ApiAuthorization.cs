using Microsoft.AspNetCore.Identity;

namespace HiTech.Web.Infrastructure.Security;

/// <summary>
/// API endpoints authenticate with bearer tokens only (no cookies, so no cross-site request risk) and answer
/// 401 without a valid token. <c>group.RequireApi(Roles.Enterprise)</c> also requires one of the roles (403 otherwise).
/// </summary>
public static class ApiAuthorization
{
    public static TBuilder RequireApi<TBuilder>(this TBuilder builder, params string[] roles)
        where TBuilder : IEndpointConventionBuilder
    {
        var policy = new AuthorizationPolicyBuilder(IdentityConstants.BearerScheme).RequireAuthenticatedUser();
        if (roles.Length > 0)
        {
            policy.RequireRole(roles);
        }

        return builder.RequireAuthorization(policy.Build());
    }
}
