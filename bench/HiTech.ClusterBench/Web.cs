using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HiTech.ClusterBench;

/// <summary>
/// HTTP as the users' clients speak it: bearer-token API calls on one shared connection pool, and cookie sessions for
/// the pages that have no API (registration, sign-in, the temporary-password change, an administrator's new account).
/// </summary>
public sealed partial class Web(BenchOptions options) : IDisposable
{
    private readonly X509Certificate2? _pinned = options.TlsCertificate is { } path ? X509CertificateLoader.LoadCertificateFromFile(path) : null;
    private HttpClient? _api;

    /// <summary>The API client (no cookies, no redirects): every request says whose it is.</summary>
    public HttpClient Api => _api ??= new HttpClient(Handler(cookies: null), disposeHandler: true) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A browser-like session for pages: its own cookies.</summary>
    public HttpClient Session() => new(Handler(new CookieContainer()), disposeHandler: true) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Straight to one node (plain HTTP on loopback; it trusts what a proxy on loopback says about the scheme).</summary>
    public HttpClient Node(Uri node)
    {
        var client = new HttpClient(Handler(cookies: null), disposeHandler: true) { BaseAddress = node, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    private SocketsHttpHandler Handler(CookieContainer? cookies) => new()
    {
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
        AllowAutoRedirect = cookies is not null,
        MaxConnectionsPerServer = 512,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Trusted },
    };

    // The cluster's own self-signed certificate, compared byte for byte; anything else must be valid.
    private bool Trusted(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None || (_pinned is not null && certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(_pinned.RawData));

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    /// <summary>Sends, waiting out the sign-in rate limit (429 with Retry-After) as a patient person would.</summary>
    public static async Task<HttpResponseMessage> PatientAsync(HttpClient client, Func<HttpRequestMessage> request)
    {
        while (true)
        {
            var response = await client.SendAsync(request());
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5);
            response.Dispose();
            await Task.Delay(wait + TimeSpan.FromMilliseconds(Random.Shared.Next(200, 1500)));
        }
    }

    /// <summary>A JSON call that must succeed while seeding; a refusal stops the bench with what the server said.</summary>
    public async Task<JsonElement> JsonAsync(HttpMethod method, string path, string? token, object? body = null, bool patient = false)
    {
        using var response = patient ? await PatientAsync(Api, () => Request(method, path, token, body)) : await Api.SendAsync(Request(method, path, token, body));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
    }

    public async Task<string> SignInAsync(string email, string password) =>
        (await JsonAsync(HttpMethod.Post, "api/v1/auth/login", null, new { email, password }, patient: true)).GetProperty("accessToken").GetString()!;

    /// <summary>Fills in a page's form (its antiforgery token read from the page first) and answers the page it lands on.</summary>
    public static async Task<string> SubmitFormAsync(HttpClient session, string path, IReadOnlyDictionary<string, string> fields)
    {
        string page;
        using (var form = await PatientAsync(session, () => new HttpRequestMessage(HttpMethod.Get, path)))
        {
            page = await form.Content.ReadAsStringAsync();
            if (!form.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)form.StatusCode}");
            }
        }

        var token = AntiforgeryToken().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"{path} has no form token");
        var values = new Dictionary<string, string>(fields, StringComparer.Ordinal) { ["__RequestVerificationToken"] = token };
        using var posted = await PatientAsync(session, () => new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(values) });
        var landed = await posted.Content.ReadAsStringAsync();
        return posted.IsSuccessStatusCode ? landed : throw new InvalidOperationException($"POST {path} answered {(int)posted.StatusCode}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public void Dispose()
    {
        _api?.Dispose();
        _pinned?.Dispose();
    }
}
