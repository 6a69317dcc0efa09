using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Infrastructure;

/// <summary>
/// The one web test host: a <see cref="WebAppFactory"/> (demo data, 12 enterprises) started in memory, and what every
/// web test needs of it: anonymous, bearer and signed-in browser clients, database access, accounts made to order and
/// JSON bodies. Fixtures derive from it only to seed the data their tests aim at.
/// <para>
/// Bearer tokens and sign-in cookies are the ones the platform itself would issue (its own keys), so the tests need not
/// go through the sign-in API and its rate limit; <see cref="SignInAsync"/> signs in through the sign-in page when a
/// test wants what that page sets (the language cookie), once per account (later browsers get a copy of its cookies).
/// </para>
/// </summary>
public class TestHost : IAsyncLifetime
{
    /// <summary>The password of the demo accounts, and of the accounts <see cref="CreateUserAsync"/> makes.</summary>
    public const string Password = "Demo#2025";

    private static readonly Uri Site = new("http://localhost");

    private readonly Dictionary<string, CookieContainer> _signedIn = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signInLock = new(1, 1);

    /// <summary>The platform in Development; a fixture that needs another environment passes its own factory.</summary>
    public TestHost()
        : this(new WebAppFactory())
    {
    }

    protected TestHost(WebAppFactory factory) => Factory = factory;

    public WebAppFactory Factory { get; }

    /// <summary>Starts the platform in memory (unless this assembly's tests are skipped). Fixtures seed their data after it.</summary>
    public virtual ValueTask InitializeAsync()
    {
        if (WebAppFactory.SkipReason is null)
        {
            _ = Factory.Server;
        }

        return ValueTask.CompletedTask;
    }

    public virtual async ValueTask DisposeAsync()
    {
        _signInLock.Dispose();
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A client without cookies or redirects, for anonymous calls.</summary>
    public HttpClient Anonymous(string? language = null) => WithLanguage(Factory.CreateBareClient(), language);

    /// <summary>An API client with the bearer token the platform would issue to this account now.</summary>
    public async Task<HttpClient> ApiAsync(string email, string? language = null) =>
        WithLanguage(await Factory.CreateApiClientAsync(email), language);

    /// <summary>
    /// A browser-like client (cookies kept, redirects not followed) carrying the sign-in cookie the platform would issue
    /// to this account, asking for <paramref name="acceptLanguage"/> and with a language cookie of <paramref name="cultureCookie"/> if given.
    /// </summary>
    public async Task<Browser> BrowserAsync(string email, string? acceptLanguage = null, string? cultureCookie = null)
    {
        var cookies = new CookieContainer();
        var (name, value) = await Factory.AuthCookieAsync(email);
        cookies.Add(Site, new Cookie(name, value));
        if (cultureCookie is not null)
        {
            cookies.Add(Site, new Cookie(".AspNetCore.Culture", Uri.EscapeDataString($"c={cultureCookie}|uic={cultureCookie}")));
        }

        return new Browser(WithLanguage(Factory.CreateDefaultClient(Site, new CookieContainerHandler(cookies)), acceptLanguage), cookies);
    }

    /// <summary>
    /// A browser-like client signed in through the sign-in page with <see cref="Password"/> (which also sets the
    /// account's language cookie). The page is used once per account (its rate limit allows 20 a minute); later
    /// browsers start with a copy of the cookies it set.
    /// </summary>
    public async Task<Browser> SignInAsync(string email)
    {
        await _signInLock.WaitAsync();
        try
        {
            if (!_signedIn.TryGetValue(email, out var signedIn))
            {
                signedIn = new CookieContainer();
                using var first = Open(signedIn);
                var response = await first.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Email"] = [email], ["Password"] = [Password] });
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                _signedIn[email] = signedIn;
            }

            var cookies = new CookieContainer();
            foreach (Cookie cookie in signedIn.GetAllCookies())
            {
                cookies.Add(Site, new Cookie(cookie.Name, cookie.Value, cookie.Path));
            }

            return Open(cookies);
        }
        finally
        {
            _signInLock.Release();
        }
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<Guid> UserIdAsync(string email) =>
        WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Makes an account in this role (and organisation) with <paramref name="password"/>, and returns its id.</summary>
    public Task<Guid> CreateUserAsync(string email, string role, Guid? organisation = null, string language = "en", string password = Password, string? displayName = null) =>
        TestUsers.CreateAsync(Factory.Services, email, role, organisation, language, password, displayName);

    /// <summary>The response's JSON body.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>A small file that starts like a PDF (the signature is what the platform checks).</summary>
    public static byte[] Pdf(string text = "Audited accounts") =>
        System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private Browser Open(CookieContainer cookies) => new(Factory.CreateDefaultClient(Site, new CookieContainerHandler(cookies)), cookies);

    private static HttpClient WithLanguage(HttpClient client, string? language)
    {
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return client;
    }
}

/// <summary>Accounts made to order in a platform's database.</summary>
public static class TestUsers
{
    /// <summary>Makes a confirmed account in this role (and organisation) and returns its id.</summary>
    public static async Task<Guid> CreateAsync(IServiceProvider services, string email, string role, Guid? organisation = null, string language = "en", string password = TestHost.Password, string? displayName = null)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName ?? email,
            OrganisationId = organisation,
            Language = language,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }
}
