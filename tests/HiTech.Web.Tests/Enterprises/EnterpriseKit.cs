using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HiTech.Web.Tests.Enterprises;

/// <summary>One running platform for all the Enterprises tests (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class EnterprisesCollection : ICollectionFixture<WebAppFactory>
{
    public const string Name = "Enterprises";
}

/// <summary>
/// Users, signed-in clients and database access for the Enterprises tests. Sign-in is done by issuing the
/// bearer token or the cookie the platform itself would issue (same Data Protection keys), so the tests do
/// not depend on the sign-in pages or their rate limit.
/// </summary>
public sealed partial class EnterpriseKit(WebAppFactory factory)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public WebAppFactory Factory => factory;

    public async Task<AppUser> NewUserAsync(string role = Roles.Enterprise, Guid? organisation = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        var user = new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            DisplayName = "Test " + role,
            OrganisationId = organisation,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(user, "Test#2025pw");
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    public async Task<AppUser> DemoUserAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No demo user {email}.");
    }

    /// <summary>An API client with the bearer token the platform would issue to this user now.</summary>
    public async Task<HttpClient> ApiAsync(AppUser user, string? language = null)
    {
        var principal = await PrincipalAsync(user.Id);
        var options = factory.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        var token = options.BearerTokenProtector.Protect(Ticket(principal, IdentityConstants.BearerScheme));
        var client = Anonymous(language);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Anonymous(string? language = null)
    {
        var client = factory.CreateDefaultClient(new Uri("http://localhost"));
        SetLanguage(client, language);
        return client;
    }

    /// <summary>A browser signed in as this user: cookies kept, redirects not followed.</summary>
    public async Task<Browser> BrowserAsync(AppUser user, string? language = null)
    {
        var principal = await PrincipalAsync(user.Id);
        var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var cookie = options.TicketDataFormat.Protect(Ticket(principal, IdentityConstants.ApplicationScheme));
        var cookies = new CookieContainer();
        cookies.Add(new Uri("http://localhost"), new Cookie(options.Cookie.Name ?? "hitech.auth", cookie));
        var client = factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        SetLanguage(client, language);
        return new Browser(client, cookies);
    }

    public async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>A Udyam number nobody has: the demo uses serials 1 to 12.</summary>
    public static string NewUdyam() => $"UDYAM-KL-09-{System.Security.Cryptography.RandomNumberGenerator.GetInt32(1_000_000, 9_999_999)}";

    /// <summary>A valid GSTIN for Kerala (check digit right).</summary>
    public static string ValidGstin() => "32AAAPA1234A1Z2";

    public static object Registration(string? udyam = null, string? gstin = null, decimal investment = 2_000_000m, decimal turnover = 9_000_000m, string district = "Palakkad") => new
    {
        name = "Test Precision Works",
        udyamNumber = udyam ?? NewUdyam(),
        gstin,
        district,
        address = "Kanjikode Industrial Area, Palakkad",
        investmentInr = investment,
        turnoverInr = turnover,
    };

    /// <summary>Registers an organisation for this user through the API and returns its JSON.</summary>
    public async Task<JsonElement> RegisterAsync(AppUser user, object? registration = null)
    {
        using var api = await ApiAsync(user);
        using var response = await api.PostAsJsonAsync("/api/v1/organisations", registration ?? Registration());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Json);

    /// <summary>The id of a demo organisation other than the ones the tests make.</summary>
    public Task<Guid> DemoOrganisationAsync() =>
        DbAsync(db => db.Organisations.AsNoTracking().Where(o => o.UdyamNumber.EndsWith("-0000003")).Select(o => o.Id).FirstAsync());

    private static void SetLanguage(HttpClient client, string? language)
    {
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(Guid userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("No such user.");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
    }

    private static AuthenticationTicket Ticket(ClaimsPrincipal principal, string scheme)
    {
        var now = DateTimeOffset.UtcNow;
        return new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1) }, scheme);
    }
}

/// <summary>A signed-in browser without JavaScript: GETs pages and posts their forms with the antiforgery token.</summary>
public sealed partial class Browser(HttpClient client, CookieContainer cookies) : IDisposable
{
    public HttpClient Client => client;

    public CookieContainer Cookies => cookies;

    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string url)
    {
        var response = await client.GetAsync(url);
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>GETs the page (for its antiforgery token), then posts the fields to it (or to <paramref name="postUrl"/>).</summary>
    public async Task<(HttpResponseMessage Response, string Html)> PostAsync(string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var page = await client.GetAsync(pageUrl);
        Assert.True(page.IsSuccessStatusCode, $"GET {pageUrl} answered {(int)page.StatusCode}");
        var token = TokenPattern().Match(await page.Content.ReadAsStringAsync());
        Assert.True(token.Success, $"No antiforgery token on {pageUrl}");
        var form = fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        using var content = new FormUrlEncodedContent(form);
        var response = await client.PostAsync(postUrl ?? pageUrl, content);
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>Form fields as pairs, so a name can repeat (checkboxes).</summary>
public static class Form
{
    public static List<KeyValuePair<string, string>> Of(params (string Name, string Value)[] fields) =>
        [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];
}
