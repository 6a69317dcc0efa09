using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Security;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Security;

/// <summary>
/// Sign-in tells an attacker nothing about which accounts exist (the same answer in about the same time), and
/// guessing cannot lock anyone out: failed attempts are slowed per client and per account, never lock the account,
/// and the owner still signs in from a browser they used before.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class SignInAbuseTests(SecurityFixture fixture)
{
    private const string Wrong = "Wrong#2025pw";
    private static int _address;

    [Fact]
    public async Task An_unknown_address_takes_about_as_long_as_a_wrong_password()
    {
        var known = await CreateUserAsync(Roles.Analyst);
        // Once each first, so that neither path pays for a first call.
        await LoginAsync($"warm-{Guid.NewGuid():N}@security.test", Wrong);
        await LoginAsync(known, Wrong);

        var unknownTimes = new List<double>();
        var knownTimes = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            unknownTimes.Add(await TimedLoginAsync($"nobody-{Guid.NewGuid():N}@security.test"));
            knownTimes.Add(await TimedLoginAsync(known));
        }

        // Loose on purpose (a shared machine): before, an unknown address answered in 2 ms and a known one in 47 ms.
        var (unknown, wrong) = (Median(unknownTimes), Median(knownTimes));
        Assert.True(Math.Abs(unknown - wrong) < 0.5 * Math.Max(unknown, wrong), $"Unknown address: median {unknown:F1} ms; wrong password: {wrong:F1} ms.");
    }

    [Fact]
    public async Task An_unknown_address_and_a_wrong_password_get_the_same_answer_on_the_api_and_the_page()
    {
        var known = await CreateUserAsync(Roles.Analyst);
        var unknown = $"nobody-{Guid.NewGuid():N}@security.test";
        using var a = await LoginAsync(unknown, Wrong);
        using var b = await LoginAsync(known, Wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode);
        Assert.Equal(b.StatusCode, a.StatusCode);
        Assert.Equal(await TitleAsync(b), await TitleAsync(a));

        var pageA = await PageSignInAsync(unknown, Wrong, NextAddress(), device: null);
        var pageB = await PageSignInAsync(known, Wrong, NextAddress(), device: null);
        Assert.Equal(ErrorSummary(pageB), ErrorSummary(pageA));
        Assert.Contains("The email address or password is not right", ErrorSummary(pageA), StringComparison.Ordinal);

        // Too many tries answers the same for both, and never says "locked".
        var address = NextAddress();
        for (var i = 0; i < 5; i++)
        {
            using var _1 = await LoginAsync(unknown, Wrong, address);
            using var _2 = await LoginAsync(known, Wrong, address);
        }

        using var c = await LoginAsync(unknown, Wrong, address);
        using var d = await LoginAsync(known, Wrong, address);
        Assert.Equal(HttpStatusCode.TooManyRequests, c.StatusCode);
        Assert.Equal(c.StatusCode, d.StatusCode);
        Assert.Equal(await TitleAsync(d), await TitleAsync(c));
        Assert.DoesNotContain("locked", await TitleAsync(c), StringComparison.OrdinalIgnoreCase);
        Assert.True(c.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task Guessing_from_many_addresses_slows_the_attacker_but_never_locks_out_an_administrator()
    {
        var admin = await CreateUserAsync(Roles.Admin);
        // The administrator signed in from this browser before: it keeps the device cookie.
        var (first, _, device) = await PageSignInAsync(admin, TestHost.Password, NextAddress(), device: null);
        Assert.Equal(HttpStatusCode.Redirect, first);
        Assert.NotNull(device);

        // An attacker guesses from four addresses, six times each: each address is stopped after five.
        var statuses = new List<HttpStatusCode>();
        for (var a = 0; a < 4; a++)
        {
            var address = NextAddress();
            for (var i = 0; i < 6; i++)
            {
                using var guess = await LoginAsync(admin, Wrong, address);
                statuses.Add(guess.StatusCode);
            }
        }

        Assert.DoesNotContain(HttpStatusCode.OK, statuses);
        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 4, string.Join(", ", statuses));

        // The account is not locked...
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(admin);
            Assert.False(await users.IsLockedOutAsync(user!));
            Assert.Null(user!.LockoutEnd);
        }

        // ...a new browser on a new address waits (the account's guesses are used up), even with the right password...
        var stranger = await PageSignInAsync(admin, TestHost.Password, NextAddress(), device: null);
        Assert.Equal(HttpStatusCode.OK, stranger.StatusCode);
        Assert.Contains("Too many sign-in attempts", ErrorSummary(stranger), StringComparison.Ordinal);

        // ...and the administrator, in the browser used before (from another network too), signs in at once.
        var (owner, _, _) = await PageSignInAsync(admin, TestHost.Password, NextAddress(), device);
        Assert.Equal(HttpStatusCode.Redirect, owner);
    }

    private static string NextAddress()
    {
        var n = Interlocked.Increment(ref _address);
        return $"10.50.{n / 250}.{(n % 250) + 1}";
    }

    private async Task<string> CreateUserAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@security.test";
        await fixture.CreateUserAsync(email, role, displayName: "Sign-in test");
        return email;
    }

    private async Task<HttpResponseMessage> LoginAsync(string email, string password, string? address = null)
    {
        using var client = fixture.Factory.CreateBareClient();
        client.DefaultRequestHeaders.Add(WebAppFactory.ClientAddressHeader, address ?? NextAddress());
        return await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
    }

    private async Task<double> TimedLoginAsync(string email)
    {
        var watch = Stopwatch.StartNew();
        using var response = await LoginAsync(email, Wrong);
        watch.Stop();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Posts the sign-in page from this address (with this device cookie); answers the response and the device cookie it set.</summary>
    private async Task<(HttpStatusCode StatusCode, string Html, string? Device)> PageSignInAsync(string email, string password, string address, string? device)
    {
        using var client = fixture.Factory.CreateBareClient();
        client.DefaultRequestHeaders.Add(WebAppFactory.ClientAddressHeader, address);
        using var form = await client.GetAsync("/account/sign-in");
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hitech.af=", StringComparison.Ordinal)).Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent([new("Email", email), new("Password", password), new("__RequestVerificationToken", Browser.Token(await form.Content.ReadAsStringAsync()))]),
        };
        request.Headers.Add("Cookie", device is null ? antiforgery : $"{antiforgery}; {device}");
        using var response = await client.SendAsync(request);
        var set = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith(SignInThrottle.DeviceCookie + "=", StringComparison.Ordinal))?.Split(';')[0]
            : null;
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), set);
    }

    private static string ErrorSummary((HttpStatusCode StatusCode, string Html, string? Device) page)
    {
        var html = page.Html;
        var start = html.IndexOf("govuk-error-summary", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No error summary ({(int)page.StatusCode})");
        var end = html.IndexOf("</ul>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    private static async Task<string> TitleAsync(HttpResponseMessage response) =>
        (await TestHost.JsonAsync(response)).GetProperty("title").GetString()!;

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
