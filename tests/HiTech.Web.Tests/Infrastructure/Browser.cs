using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace HiTech.Web.Tests.Infrastructure;

/// <summary>
/// A browser-like client without JavaScript (from <see cref="TestHost"/>): cookies kept in <see cref="Cookies"/>,
/// redirects not followed, forms posted with the page's antiforgery token (and, where asked, its version).
/// </summary>
public sealed partial class Browser(HttpClient client, CookieContainer cookies) : IDisposable
{
    public HttpClient Client { get; } = client;

    public CookieContainer Cookies { get; } = cookies;

    public Task<HttpResponseMessage> GetAsync(string url, CancellationToken cancellationToken = default) => Client.GetAsync(url, cancellationToken);

    public Task<HttpResponseMessage> GetAsync(Uri? url, CancellationToken cancellationToken = default) => Client.GetAsync(url, cancellationToken);

    /// <summary>The page's HTML (asserting it answered 200).</summary>
    public async Task<string> GetHtmlAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The response and its body with HTML entities decoded, whatever the status.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> GetPageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Forgets the language chosen at sign-in, so the request's Accept-Language decides.</summary>
    public void UseAcceptLanguage(string language)
    {
        foreach (Cookie cookie in Cookies.GetAllCookies())
        {
            if (cookie.Name == ".AspNetCore.Culture")
            {
                cookie.Expired = true;
            }
        }

        Client.DefaultRequestHeaders.AcceptLanguage.Clear();
        Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
    }

    /// <summary>The antiforgery token of the (first) form on the page.</summary>
    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "No antiforgery token on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The version (optimistic concurrency) field of the form on the page.</summary>
    public static string Version(string html)
    {
        var match = VersionPattern().Match(html);
        Assert.True(match.Success, "No version field on the page");
        return match.Groups[1].Value;
    }

    /// <summary>GETs the page with the form, then posts the fields (repeated names allowed) with its token (and version if asked).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string[]> fields, bool withVersion = false)
    {
        var html = await GetHtmlAsync(formPage);
        return await PostFormWithAsync(html, action, fields, withVersion ? Version(html) : null);
    }

    /// <summary>Posts to a form already read (another "tab" may have saved in between), with <paramref name="version"/> if given.</summary>
    public Task<HttpResponseMessage> PostFormWithAsync(string html, string action, Dictionary<string, string[]> fields, string? version)
    {
        var pairs = fields.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v))).ToList();
        if (version is not null)
        {
            pairs.Add(new("Version", version));
        }

        return SendFormAsync(html, action, pairs);
    }

    /// <summary>GETs the page with the form, then posts these fields (one value each) to <paramref name="action"/> with its token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string formPage, string action, Dictionary<string, string> fields) =>
        await SendFormAsync(await GetHtmlAsync(formPage), action, [.. fields]);

    /// <summary>GETs the page, then posts the fields (repeated names allowed) to it with its token and, when it has one, its version.</summary>
    public async Task<HttpResponseMessage> PostAsync(string page, params (string Name, string Value)[] fields) =>
        await PostWithAsync(await GetHtmlAsync(page), page, fields);

    /// <summary>Posts to a form already read, with its token and (unless the fields carry one) its version when it has one.</summary>
    public Task<HttpResponseMessage> PostWithAsync(string html, string action, params (string Name, string Value)[] fields)
    {
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (VersionPattern().Match(html) is { Success: true } version && !pairs.Exists(p => p.Key == "Version"))
        {
            pairs.Add(new("Version", version.Groups[1].Value));
        }

        return SendFormAsync(html, action, pairs);
    }

    /// <summary>
    /// GETs the page (which must answer with success), then posts the fields to it (or to <paramref name="postUrl"/>)
    /// with its token; returns the response and its body with HTML entities decoded.
    /// </summary>
    public async Task<(HttpResponseMessage Response, string Html)> PostPageAsync(string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var page = await Client.GetAsync(pageUrl);
        Assert.True(page.IsSuccessStatusCode, $"GET {pageUrl} answered {(int)page.StatusCode}");
        var response = await SendFormAsync(await page.Content.ReadAsStringAsync(), postUrl ?? pageUrl, [.. fields]);
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Uploads a file through the evidence page's multipart form.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string evidencePage, byte[] content, string fileName, string contentType)
    {
        var html = await GetHtmlAsync(evidencePage);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token(html)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "File", fileName);
        return await Client.PostAsync(evidencePage + "?handler=upload", form);
    }

    public void Dispose() => Client.Dispose();

    private async Task<HttpResponseMessage> SendFormAsync(string html, string action, List<KeyValuePair<string, string>> pairs)
    {
        pairs.Add(new("__RequestVerificationToken", Token(html)));
        using var content = new FormUrlEncodedContent(pairs);
        return await Client.PostAsync(action, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}
