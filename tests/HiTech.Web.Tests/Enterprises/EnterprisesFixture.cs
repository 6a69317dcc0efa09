using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Enterprises;

/// <summary>One running platform for all the Enterprises tests (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class EnterprisesCollection : ICollectionFixture<EnterprisesFixture>
{
    public const string Name = "Enterprises";
}

/// <summary>
/// The platform (a <see cref="TestHost"/>) for the Enterprises tests, with what they seed: new users of a role
/// (and organisation), and organisations registered through the API.
/// </summary>
public sealed class EnterprisesFixture : TestHost
{
    /// <summary>A new account in this role (and organisation).</summary>
    public async Task<AppUser> NewUserAsync(string role = Roles.Enterprise, Guid? organisation = null)
    {
        var id = await CreateUserAsync($"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local", role, organisation, displayName: "Test " + role);
        return await UserAsync(users => users.FindByIdAsync(id.ToString()));
    }

    public Task<AppUser> DemoUserAsync(string email) => UserAsync(users => users.FindByEmailAsync(email));

    /// <summary>An API client with the bearer token the platform would issue to this user now.</summary>
    public Task<HttpClient> ApiAsync(AppUser user, string? language = null) => ApiAsync(user.Email!, language);

    /// <summary>A browser signed in as this user: cookies kept, redirects not followed.</summary>
    public Task<Browser> BrowserAsync(AppUser user, string? language = null) => BrowserAsync(user.Email!, language);

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
        return await JsonAsync(response);
    }

    /// <summary>The id of a demo organisation other than the ones the tests make.</summary>
    public Task<Guid> DemoOrganisationAsync() =>
        WithDbAsync(db => db.Organisations.AsNoTracking().Where(o => o.UdyamNumber.EndsWith("-0000003")).Select(o => o.Id).FirstAsync());

    private async Task<AppUser> UserAsync(Func<UserManager<AppUser>, Task<AppUser?>> find)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await find(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>()) ?? throw new InvalidOperationException("No such user.");
    }
}

/// <summary>Form fields as pairs, so a name can repeat (checkboxes).</summary>
public static class Form
{
    public static List<KeyValuePair<string, string>> Of(params (string Name, string Value)[] fields) =>
        [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];
}
