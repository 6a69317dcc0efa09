using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Startup;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Security;

/// <summary>
/// A fresh Production install (no demo) makes its first administrator with a one-time password printed once in a line a
/// script can read; the browser makes the first sign-in choose a new password, the API accepts the one-time password.
/// </summary>
public sealed partial class FirstAdministratorTests
{
    private const string Email = "root@hitech.example";

    private static CancellationToken None => TestContext.Current.CancellationToken;

    /// <summary>The line deploy/local-cluster.sh reads (the same pattern as its sed expression).</summary>
    [GeneratedRegex(@"^first-administrator: email=(\S+) one-time-password=(\S+)$", RegexOptions.Multiline)]
    private static partial Regex Line();

    [Fact]
    public async Task A_fresh_install_prints_a_one_time_password_the_api_accepts_and_the_browser_makes_you_change()
    {
        var console = new StringWriter();
        await using var factory = new WebAppFactory
        {
            EnvironmentName = "Production",
            Settings = new Dictionary<string, string> { ["Demo:Enabled"] = "false", [FirstAdministrator.EmailSetting] = Email },
        };
        await using var platform = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton(new FirstAdministrator.Console(console))));
        _ = platform.Server;

        var printed = Line().Matches(console.ToString());
        var line = Assert.Single(printed);
        Assert.Equal(Email, line.Groups[1].Value);
        var password = line.Groups[2].Value;
        Assert.Equal(16, password.Length);

        // Exactly one administrator, flagged to change the password; a second start (or `migrate`) makes no other.
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = Assert.Single(await users.GetUsersInRoleAsync(Roles.Admin));
            Assert.Equal(Email, admin.Email);
            Assert.True(admin.MustChangePassword);
            Assert.False(await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().EnsureAsync(None));
        }

        await MigrateCommand.RunAsync(platform.Services, None);
        Assert.Single(Line().Matches(console.ToString()));

        using var api = platform.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        var login = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = Email, password }, None);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("accessToken", await login.Content.ReadAsStringAsync(None), StringComparison.Ordinal);

        using var browser = platform.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
        var signIn = await Form(browser, "/account/sign-in", new() { ["Email"] = Email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var elsewhere = await browser.GetAsync("/admin", None);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal("/account/change-password", elsewhere.Headers.Location!.OriginalString);

        var changed = await Form(browser, "/account/change-password", new() { ["CurrentPassword"] = password, ["NewPassword"] = "Chosen#Pass42", ["ConfirmPassword"] = "Chosen#Pass42" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin", None)).StatusCode);

        // Once changed, the one-time password opens nothing.
        var old = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = Email, password }, None);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
    }

    private static async Task<HttpResponseMessage> Form(HttpClient client, string page, Dictionary<string, string> fields)
    {
        var html = await (await client.GetAsync(page, None)).Content.ReadAsStringAsync(None);
        fields["__RequestVerificationToken"] = Browser.Token(html);
        return await client.PostAsync(page, new FormUrlEncodedContent(fields), None);
    }
}
