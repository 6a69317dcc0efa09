using System.Net;
using System.Net.Http.Json;
using HiTech.Web.Data.Entities;
using HiTech.Web.Features.Admin;
using HiTech.Web.Infrastructure;
using HiTech.Web.Tests.Infrastructure;
using HiTech.Web.Tests.Reviews;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Security;

/// <summary>
/// A lock, a password change and a sign-out end every session and token of the account at once: the cookie and the
/// bearer token issued before stop working on the next request (not after a stamp check 30 minutes later, nor 8 hours).
/// </summary>
public sealed class SessionEndTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_admin_lock_ends_the_cookie_and_the_token_at_once_and_says_who_locked_it()
    {
        var (email, api, browser, cookie) = await SignedInAssessorAsync();
        var admin = await platform.UserIdAsync(DemoSeeder.AdminEmail);
        var id = await platform.UserIdAsync(email);
        using (var scope = platform.Factory.Services.CreateScope())
        {
            var locked = await scope.ServiceProvider.GetRequiredService<LockAccount>().ExecuteAsync(id, locked: true, new CurrentUser(admin, [Roles.Admin], null));
            Assert.True(locked.IsOk);
        }

        await AssertEndedAsync(api, browser, cookie);
        using var anonymous = platform.Anonymous();
        using var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestHost.Password }, None);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        var title = (await TestHost.JsonAsync(login)).GetProperty("title").GetString();
        Assert.Contains("locked by an administrator", title, StringComparison.Ordinal);
        Assert.DoesNotContain("too many attempts", title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_change_ends_every_other_session_at_once()
    {
        var (email, api, browser, cookie) = await SignedInAssessorAsync();
        using (var scope = platform.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.True((await users.ChangePasswordAsync(user!, TestHost.Password, "Another#2026pw")).Succeeded);
        }

        await AssertEndedAsync(api, browser, cookie);
    }

    [Fact]
    public async Task Signing_out_through_the_api_ends_the_token_and_every_other_session()
    {
        var (_, api, browser, cookie) = await SignedInAssessorAsync();
        using var logout = await api.PostAsync("/api/v1/auth/logout", null, None);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        await AssertEndedAsync(api, browser, cookie);
    }

    [Fact]
    public async Task Signing_out_on_the_website_ends_a_copied_cookie_and_the_token()
    {
        var (_, api, browser, cookie) = await SignedInAssessorAsync();
        var form = await browser.GetHtmlAsync("/account/sign-out");
        using var signedOut = await browser.PostWithAsync(form, "/account/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        await AssertEndedAsync(api, browser, cookie);
    }

    [Fact]
    public async Task Logging_out_needs_a_token()
    {
        using var anonymous = platform.Anonymous();
        using var logout = await anonymous.PostAsync("/api/v1/auth/logout", null, None);
        Assert.Equal(HttpStatusCode.Unauthorized, logout.StatusCode);
    }

    /// <summary>A new assessor with a working bearer token and a working sign-in cookie (also kept as a header to replay).</summary>
    private async Task<(string Email, HttpClient Api, Browser Browser, string Cookie)> SignedInAssessorAsync()
    {
        var email = $"session-{Guid.NewGuid():N}@demo.local";
        await platform.CreateUserAsync(email, Roles.Assessor);
        var api = await platform.ApiAsync(email);
        var browser = await platform.BrowserAsync(email);
        var (name, value) = await platform.Factory.AuthCookieAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/reviews", None)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/reviews", None)).StatusCode);
        return (email, api, browser, $"{name}={value}");
    }

    private async Task AssertEndedAsync(HttpClient api, Browser browser, string cookie)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/reviews", None)).StatusCode);
        AssertSentToSignIn(await browser.GetAsync("/reviews", None));

        using var replay = new HttpRequestMessage(HttpMethod.Get, "/reviews");
        replay.Headers.Add("Cookie", cookie);
        using var anonymous = platform.Anonymous();
        AssertSentToSignIn(await anonymous.SendAsync(replay, None));
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
