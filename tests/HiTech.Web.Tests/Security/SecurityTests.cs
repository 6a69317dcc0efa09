using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using HiTech.Web.Data;
using HiTech.Web.Infrastructure;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Security;

/// <summary>
/// The platform's defences, checked against the real server: security headers, antiforgery on every page form,
/// cookie flags, the sign-in rate limit, the request size limit and the readiness probe (sign-in abuse: SignInAbuseTests).
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed partial class SecurityTests(SecurityFixture fixture)
{
    private const string ScalarPath = "/scalar/";

    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    [InlineData("/verify")]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    [InlineData("/api/v1/classify/26101")]
    [InlineData("/api/v1/organisations/")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    [InlineData(ScalarPath)]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var client = fixture.Factory.CreateBareClient();
        using var response = await client.GetAsync(url);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        if (url != ScalarPath)
        {
            // Only the API reference page (a bundled third-party script) may run inline code or styles.
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        }

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Every_page_form_refuses_a_post_without_the_antiforgery_token()
    {
        var posts = (await AuthorisationMatrixTests.DiscoverAsync(fixture.Factory.Services))
            .Where(k => k.StartsWith("POST /", StringComparison.Ordinal) && !k.StartsWith("POST /api/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(posts);
        var failures = new List<string>();
        foreach (var key in posts)
        {
            // The error page only renders a message (it is where failed requests, POSTs included, are re-executed).
            if (key == "POST /error/{code:int?}")
            {
                continue;
            }

            var expectation = AuthorisationMatrixTests.Expectations.SingleOrDefault(e => e.Key == key);
            Assert.True(expectation is not null, $"{key} has no line in AuthorisationMatrixTests.Expectations");

            // Posted by someone allowed to use the form, so that only the missing token can refuse it.
            var caller = Enum.GetValues<Who>().First(w => expectation.Outcomes[w] == AuthorisationMatrixTests.Outcome.Allowed);
            var url = expectation.Url(fixture.Targets);
            using var response = await fixture.SendAsync(caller, HttpMethod.Post, url, new FormUrlEncodedContent([new("Name", "x")]), api: false);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{key} as {caller}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, "Page POSTs accepted without an antiforgery token:\n  " + string.Join("\n  ", failures));
    }

    /// <summary>
    /// A real browser posts only what the form holds: a form without its own token fails with 400 even though
    /// the page (through the layout's forms) has one. Forms with an explicit action get none from the tag helper.
    /// </summary>
    [Fact]
    public async Task Every_form_that_posts_carries_an_antiforgery_token()
    {
        var pages = AuthorisationMatrixTests.Expectations
            // Pages no caller here may open (those for Provider users) are checked by their own feature's tests.
            .Where(e => !e.IsApi && e.Method == "GET" && e.Answers is null && e.Outcomes.ContainsValue(AuthorisationMatrixTests.Outcome.Allowed))
            .Select(e => (e.Key, Url: e.Url(fixture.Targets), Caller: Enum.GetValues<Who>().First(w => e.Outcomes[w] == AuthorisationMatrixTests.Outcome.Allowed)))
            .Append(("GET /reviews/{id:guid} (open)", $"/reviews/{fixture.Targets.OpenReview}", Who.AssignedAssessor))
            .ToList();
        var failures = new List<string>();
        foreach (var (key, url, caller) in pages)
        {
            using var response = await fixture.SendAsync(caller, HttpMethod.Get, url, null, api: false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            foreach (Match form in PostForm().Matches(html))
            {
                if (!form.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
                {
                    failures.Add($"{url} ({key}): {form.Value[..form.Value.IndexOf('>', StringComparison.Ordinal)]}>");
                }
            }
        }

        Assert.True(failures.Count == 0, "Forms without an antiforgery token (a browser's POST from them answers 400):\n  " + string.Join("\n  ", failures));
    }

    [Fact]
    public async Task The_api_ignores_the_sign_in_cookie_so_other_sites_cannot_forge_calls()
    {
        var cookie = await fixture.CookieAsync(Who.OwnEnterprise);
        foreach (var (method, url) in new[] { (HttpMethod.Get, "/api/v1/organisations/"), (HttpMethod.Post, "/api/v1/assessments/") })
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Add("Cookie", cookie);
            if (method == HttpMethod.Post)
            {
                request.Content = new StringContent("{\"year\":2003}", Encoding.UTF8, "application/json");
            }

            using var client = fixture.Factory.CreateBareClient();
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task Cookies_are_http_only_and_same_site()
    {
        var email = await CreateUserAsync();
        using var client = fixture.Factory.CreateBareClient();
        client.DefaultRequestHeaders.Add(WebAppFactory.ClientAddressHeader, "10.2.0.1");

        // The form sets the antiforgery cookie; signing in sets the sign-in and language cookies.
        using var form = await client.GetAsync("/account/sign-in");
        var antiforgery = SetCookie(form, "hitech.af");
        var token = Browser.Token(await form.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent([new("Email", email), new("Password", TestHost.Password), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        using var signedIn = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        foreach (var cookie in new[] { antiforgery, SetCookie(signedIn, "hitech.auth"), SetCookie(signedIn, ".AspNetCore.Culture") })
        {
            var flags = cookie.ToLowerInvariant();
            Assert.True(flags.Contains("; httponly", StringComparison.Ordinal), $"Not HttpOnly: {cookie}");
            Assert.True(flags.Contains("; samesite=lax", StringComparison.Ordinal) || flags.Contains("; samesite=strict", StringComparison.Ordinal), $"No SameSite: {cookie}");
        }
    }

    [Fact]
    public async Task Sign_in_is_rate_limited_per_client_address()
    {
        using var client = fixture.Factory.CreateBareClient();
        client.DefaultRequestHeaders.Add(WebAppFactory.ClientAddressHeader, "10.3.0.1");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            // A different address each time: this is the limit per client, not the one per client and account.
            using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = $"nobody-{i}@security.test", password = "Wrong#2025pw" });
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[20]);

        // The sign-in page shares the limit; another address is not affected.
        using (var page = await client.GetAsync("/account/sign-in"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        }

        using var other = fixture.Factory.CreateBareClient();
        other.DefaultRequestHeaders.Add(WebAppFactory.ClientAddressHeader, "10.3.0.2");
        using var elsewhere = await other.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@security.test", password = "Wrong#2025pw" });
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_request_body_over_the_limit_is_refused_and_nothing_is_stored()
    {
        var options = fixture.Factory.Services.GetRequiredService<PlatformOptions>();
        var oversized = new byte[(int)options.MaxUploadBytes + (1024 * 1024)];
        "%PDF-1.4\n"u8.CopyTo(oversized);

        // A JSON body: the server refuses it by its declared length (413). The client sends "Expect: 100-continue",
        // as large uploads do, so it hears the answer instead of writing into a closed connection.
        var json = new ByteArrayContent(oversized) { Headers = { { "Content-Type", "application/json" } } };
        using (var refused = await fixture.SendAsync(Who.Anonymous, HttpMethod.Post, "/api/v1/certificates/verify", json, api: true, expectContinue: true))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        }

        // An evidence upload over the limit: refused (400 or 413), and no file is kept.
        var before = await CountEvidenceAsync();
        var file = new ByteArrayContent(oversized) { Headers = { { "Content-Type", "application/pdf" } } };
        using var form = new MultipartFormDataContent { { new StringContent(fixture.Targets.InputA), "inputId" }, { file, "file", "huge.pdf" } };
        using var upload = await fixture.SendAsync(Who.OwnEnterprise, HttpMethod.Post, $"/api/v1/assessments/{fixture.Targets.AssessmentA}/evidence", form, api: true, expectContinue: true);
        Assert.True(upload.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"An oversized upload answered {(int)upload.StatusCode}");
        Assert.Equal(before, await CountEvidenceAsync());
    }

    [Fact]
    public async Task The_readiness_probe_answers_when_the_database_does()
    {
        using var client = fixture.Factory.CreateBareClient();
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        using var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private async Task<int> CountEvidenceAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().EvidenceFiles.CountAsync();
    }

    private async Task<string> CreateUserAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@security.test";
        await fixture.CreateUserAsync(email, Roles.Enterprise, displayName: "Security test");
        return email;
    }

    private static string Header(HttpResponseMessage response, string name)
    {
        Assert.True(
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values),
            $"{name} missing on {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})");
        return string.Join(", ", values);
    }

    private static string SetCookie(HttpResponseMessage response, string name)
    {
        Assert.True(response.Headers.TryGetValues("Set-Cookie", out var cookies), $"No cookies set by {response.RequestMessage?.RequestUri}");
        var cookie = cookies.FirstOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal));
        Assert.True(cookie is not null, $"No {name} cookie set by {response.RequestMessage?.RequestUri}");
        return cookie;
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();
}
