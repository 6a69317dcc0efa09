using System.Net;
using System.Text.RegularExpressions;

namespace HiTech.Web.Tests.Security;

/// <summary>The site's icon, and the API reference at /scalar/ loading nothing (no script, no font) from another host.</summary>
[Collection(SecurityCollection.Name)]
public sealed partial class ApiReferenceAndIconTests(SecurityFixture fixture)
{
    /// <summary>Hosts an API reference page commonly loads scripts or fonts from.</summary>
    private static readonly string[] OutsideHosts = ["cdn.jsdelivr.net", "unpkg.com", "fonts.googleapis.com", "fonts.gstatic.com", "cdnjs.cloudflare.com"];

    [Fact]
    public async Task The_api_reference_loads_its_scripts_from_the_site_and_no_fonts_from_elsewhere()
    {
        using var client = fixture.Factory.CreateBareClient();
        using var page = await client.GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();

        // The page itself names no other host at all, and every script it runs is the site's own.
        Assert.Empty(AbsoluteUrl().Matches(html));
        var scripts = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var src in scripts)
        {
            Assert.DoesNotContain("//", src, StringComparison.Ordinal);
            using var script = await client.GetAsync("/scalar/" + src.TrimStart('.', '/'));
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            var body = await script.Content.ReadAsStringAsync();
            Assert.All(OutsideHosts, host => Assert.DoesNotContain(host, body, StringComparison.OrdinalIgnoreCase));
        }

        // Scalar's default fonts come from fonts.scalar.com; they are off, so the page uses the browser's own fonts.
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"favicon\":\"/favicon.svg\"", html, StringComparison.Ordinal);

        // And the page's policy lets nothing in from elsewhere should anything try.
        var csp = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("font-src 'self' data:;", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'unsafe-inline';", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_site_has_an_icon_and_every_page_links_it()
    {
        using var client = fixture.Factory.CreateBareClient();

        using var ico = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        var bytes = await ico.Content.ReadAsByteArrayAsync();
        Assert.Equal([0, 0, 1, 0], bytes[..4]);

        using var svg = await client.GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);

        var home = await client.GetStringAsync("/");
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">", home, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\">", home, StringComparison.Ordinal);
    }

    [GeneratedRegex("https?://", RegexOptions.IgnoreCase)]
    private static partial Regex AbsoluteUrl();

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSource();
}
