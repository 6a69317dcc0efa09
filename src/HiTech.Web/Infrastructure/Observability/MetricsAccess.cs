using System.Net;
using Microsoft.AspNetCore.Identity;

namespace HiTech.Web.Infrastructure.Observability;

/// <summary>
/// Who may read /metrics: a scraper on this machine (loopback) or on a network named in Observability:MetricsNetworks
/// (CIDR, e.g. 10.0.5.0/24), without signing in; anyone else only with an Admin's bearer token. A request that came
/// through a proxy (it carries X-Forwarded-For) is never "on this machine", so nginx on loopback cannot open the
/// metrics to the internet.
/// </summary>
public sealed class MetricsAccess(IReadOnlyList<System.Net.IPNetwork> networks) : AuthorizationHandler<MetricsAccess>, IAuthorizationRequirement
{
    public const string Policy = "metrics";

    public const string NetworksSetting = "Observability:MetricsNetworks";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MetricsAccess requirement)
    {
        if (context.User.IsInRole(Roles.Admin) || (context.Resource is HttpContext http && IsScraper(http)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private bool IsScraper(HttpContext http)
    {
        var headers = http.Request.Headers;
        if (headers.ContainsKey("X-Forwarded-For") || headers.ContainsKey("X-Original-For") || http.Connection.RemoteIpAddress is not { } address)
        {
            return false;
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return IPAddress.IsLoopback(address) || networks.Any(n => n.Contains(address));
    }
}

public static class MetricsAccessRegistration
{
    public static void AddMetricsAccess(this IServiceCollection services, IConfiguration configuration)
    {
        var networks = (configuration[MetricsAccess.NetworksSetting] ?? "")
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(n => System.Net.IPNetwork.TryParse(n, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{MetricsAccess.NetworksSetting}: '{n}' is not a network such as 10.0.5.0/24."))
            .ToList();
        var access = new MetricsAccess(networks);
        services.AddSingleton<IAuthorizationHandler>(access);
        services.AddAuthorizationBuilder().AddPolicy(MetricsAccess.Policy, p => p
            .AddAuthenticationSchemes(IdentityConstants.BearerScheme)
            .AddRequirements(access));
    }
}
