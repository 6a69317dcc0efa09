using System.Net;
using System.Security.Cryptography.X509Certificates;
using HiTech.Web.Tests.Infrastructure;

namespace HiTech.Web.Tests.Security;

/// <summary>
/// Production behind a proxy that ends TLS (Proxy:KnownProxies), on a real server over plain HTTP: what the proxy
/// forwards is believed, so pages answer and cookies are Secure; the same headers from anyone else are not, and
/// plain HTTP gets a clear answer instead of a 500. And where the platform ends TLS itself, HTTP redirects to HTTPS.
/// </summary>
public sealed class ProxyAndHttpsTests
{
    private const string Proxy = "10.9.0.1";

    [Fact]
    public async Task Behind_a_configured_proxy_pages_answer_and_their_cookies_are_secure()
    {
        await using var factory = Production(new() { ["Proxy:KnownProxies:0"] = Proxy });
        factory.StartKestrel();
        using var client = factory.CreateBareClient();

        foreach (var page in new[] { "/", "/account/sign-in", "/account/register", "/verify" })
        {
            using var request = FromProxy(page, Proxy);
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (page == "/account/sign-in")
            {
                var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hitech.af=", StringComparison.Ordinal));
                Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored_and_plain_http_is_told_what_to_configure()
    {
        await using var factory = Production(new() { ["Proxy:KnownProxies:0"] = Proxy });
        factory.StartKestrel();
        using var client = factory.CreateBareClient();

        using var request = FromProxy("/account/sign-in", "10.9.9.9");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("HTTPS", text, StringComparison.Ordinal);
        Assert.Contains("Proxy:KnownProxies", text, StringComparison.Ordinal);

        // The load balancer's health probe still answers over plain HTTP.
        using var probe = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        using var live = await client.SendAsync(probe);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Where_the_platform_ends_tls_itself_http_redirects_to_https()
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(WebAppFactory.CertificatePath, WebAppFactory.CertificatePassword);
        await using var factory = Production([]);
        factory.StartKestrel(certificate);
        using var client = factory.CreateBareClient();

        using var response = await client.GetAsync("/account/sign-in");
        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect, $"{(int)response.StatusCode}");
        Assert.Equal(Uri.UriSchemeHttps, response.Headers.Location?.Scheme);
        Assert.Equal(factory.HttpsAddress!.Port, response.Headers.Location!.Port);
    }

    private static WebAppFactory Production(Dictionary<string, string> settings) =>
        new() { EnvironmentName = "Production", Settings = settings };

    private static HttpRequestMessage FromProxy(string url, string proxy)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(WebAppFactory.ClientAddressHeader, proxy);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }
}
