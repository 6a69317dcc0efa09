using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace HiTech.Web.Infrastructure.Security;

/// <summary>
/// The two ways to serve the platform over HTTPS. Behind a proxy or load balancer that ends TLS: the proxy's
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the addresses in Proxy:KnownProxies (IP addresses)
/// and Proxy:KnownNetworks (CIDR), besides the loopback; anyone else's are ignored. Ending TLS itself (a Kestrel https
/// endpoint): plain HTTP is redirected to it. Outside Development a request that still arrives over plain HTTP is
/// answered with what to configure, because the platform's cookies are sent over HTTPS only.
/// </summary>
public static class ProxyAndHttps
{
    public const string ProxiesSetting = "Proxy:KnownProxies";
    public const string NetworksSetting = "Proxy:KnownNetworks";

    public static void AddProxyAndHttps(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in List(configuration, ProxiesSetting))
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{ProxiesSetting}: '{proxy}' is not an IP address."));
            }

            foreach (var network in List(configuration, NetworksSetting))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{NetworksSetting}: '{network}' is not a network such as 10.0.0.0/8."));
            }
        });

    /// <summary>First in the pipeline: the client's address and scheme as the trusted proxy saw them, then HTTPS only.</summary>
    public static void UseProxyAndHttps(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment())
        {
            return;
        }

        app.UseHsts();
        app.UseHttpsRedirection();
        app.Use(async (context, next) =>
        {
            // Probes and the metrics scrape come over plain HTTP from the machine or its network (MetricsAccess).
            if (context.Request.IsHttps || Observability.Telemetry.IsProbe(context.Request.Path))
            {
                await next(context);
                return;
            }

            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProxyAndHttps)).LogWarning(
                "Refused a plain HTTP request from {Address}: serve the platform over HTTPS (a Kestrel https endpoint), or add the TLS proxy's address to {Proxies} or {Networks}.",
                context.Connection.RemoteIpAddress,
                ProxiesSetting,
                NetworksSetting);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                "This site works over HTTPS only. Open it with https:// . (To the administrator: the request arrived over plain HTTP. " +
                $"If a proxy or load balancer ends TLS, add its address to {ProxiesSetting} or {NetworksSetting}; otherwise give Kestrel an https endpoint.)");
        });
    }

    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var items = section.GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (section.Value is { } joined)
        {
            items.AddRange(joined.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return items.Where(i => !string.IsNullOrWhiteSpace(i));
    }
}
