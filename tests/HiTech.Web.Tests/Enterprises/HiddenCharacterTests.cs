using System.Net;
using System.Net.Http.Json;
using System.Text;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Enterprises;

/// <summary>
/// Names and addresses with characters that hide text or turn it around (U+202E), control characters (NUL, ESC)
/// or nothing visible are refused on the API and the pages, naming the field, in the user's language; nothing is
/// stored. A Malayalam name with joiners inside its words is kept as typed.
/// </summary>
[Collection(EnterprisesCollection.Name)]
public sealed class HiddenCharacterTests(EnterprisesFixture kit)
{
    public static TheoryData<string, string> Refused => new()
    {
        { "Acme \u202Eskrow", "hidden character" },
        { "\u200B\u200D\u200C", "not only spaces or invisible characters" },
        { "Acme\0Works", "control character" },
        { "Acme\u001B[2JWorks", "control character" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task The_api_refuses_such_a_name_with_400_naming_the_field_and_stores_nothing(string name, string words)
    {
        var user = await kit.NewUserAsync();
        using var api = await kit.ApiAsync(user);
        var udyam = EnterprisesFixture.NewUdyam();
        using var response = await api.PostAsJsonAsync("/api/v1/organisations", Registration(name, "Kanjikode West, Palakkad", "Palakkad", udyam));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await TestHost.JsonAsync(response)).GetProperty("errors");
        Assert.Contains(words, errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await kit.WithDbAsync(db => db.Organisations.CountAsync(o => o.UdyamNumber == udyam)));
    }

    [Fact]
    public async Task The_api_refuses_a_hidden_character_in_an_address_and_a_unit_name_in_Malayalam_too()
    {
        var user = await kit.NewUserAsync();
        using var api = await kit.ApiAsync(user, "ml");
        var udyam = EnterprisesFixture.NewUdyam();
        using var response = await api.PostAsJsonAsync("/api/v1/organisations", new
        {
            name = "Kochi Marine Works",
            udyamNumber = udyam,
            district = "Ernakulam",
            address = "Willingdon Island\u2066, Kochi",
            investmentInr = 2_000_000m,
            turnoverInr = 9_000_000m,
            unitName = "\u00A0\u200D",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await TestHost.JsonAsync(response)).GetProperty("errors");
        Assert.Contains("മറഞ്ഞ അക്ഷരം", errors.GetProperty("address")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("കാണാനാവാത്ത", errors.GetProperty("unitName")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await kit.WithDbAsync(db => db.Organisations.CountAsync(o => o.UdyamNumber == udyam)));
    }

    [Fact]
    public async Task Changing_a_name_to_one_with_a_direction_override_is_refused_and_the_saved_name_stays()
    {
        var user = await kit.NewUserAsync();
        var organisation = await kit.RegisterAsync(user);
        var id = organisation.GetProperty("id").GetGuid();
        using var api = await kit.ApiAsync(user);
        using var response = await api.PutAsJsonAsync($"/api/v1/organisations/{id}", new
        {
            name = "Test \u202EPrecision",
            udyamNumber = organisation.GetProperty("udyamNumber").GetString(),
            district = "Palakkad",
            address = "Kanjikode Industrial Area, Palakkad",
            version = organisation.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await TestHost.JsonAsync(response)).GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal("Test Precision Works", await kit.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task The_registration_page_refuses_such_a_name_and_goes_no_further(string name, string words)
    {
        using var browser = await kit.BrowserAsync(await kit.NewUserAsync());
        var (response, html) = await browser.PostPageAsync("/enterprise/register", Form.Of(("Name", name), ("UdyamNumber", EnterprisesFixture.NewUdyam()), ("Gstin", "")));
        if (name.Contains('\0', StringComparison.Ordinal))
        {
            // ASP.NET Core's form reading refuses a NUL in a posted form before the page runs (400): nothing goes on.
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#Name\"", html, StringComparison.Ordinal);
        Assert.Contains(words, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_account_page_refuses_a_name_with_a_direction_override_and_makes_no_account()
    {
        var cookies = new CookieContainer();
        using var browser = new Browser(kit.Factory.CreateDefaultClient(new Uri("http://localhost"), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies)), cookies);
        var email = $"rlo-{Guid.NewGuid():N}@test.local";
        var (response, html) = await browser.PostPageAsync("/account/register", Form.Of(("Name", "Anu \u202Enahtah"), ("Email", email), ("Password", "Kerala#2025x"), ("ConfirmPassword", "Kerala#2025x")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#Name\"", html, StringComparison.Ordinal);
        Assert.Contains("hidden character", html, StringComparison.Ordinal);
        Assert.Equal(0, await kit.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_Malayalam_name_with_joiners_inside_words_is_registered_as_typed_in_NFC()
    {
        const string name = "ശ്രീ\u200Cകൃഷ്ണ എന്\u200Dജിനീയറിങ് വര്\u200Dക്സ്";
        Assert.True(name.IsNormalized(NormalizationForm.FormC));
        var user = await kit.NewUserAsync();
        const string address = "ഒല്ലൂര്\u200D വ്യവസായ എസ്റ്റേറ്റ്,\nതൃശ്ശൂര്\u200D";
        var saved = await kit.RegisterAsync(user, Registration(name, address, "Thrissur"));
        var id = saved.GetProperty("id").GetGuid();
        Assert.Equal(name, saved.GetProperty("name").GetString());
        Assert.Equal(name, await kit.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync()));
        Assert.Equal(address, saved.GetProperty("address").GetString());
    }

    [Fact]
    public async Task A_name_typed_in_decomposed_form_is_stored_in_NFC()
    {
        var user = await kit.NewUserAsync();
        var saved = await kit.RegisterAsync(user, Registration("Cafe\u0301 Coir \u0D1C\u0D46\u0D3E", "Alappuzha", "Alappuzha"));
        Assert.Equal("Caf\u00E9 Coir \u0D1C\u0D4A", saved.GetProperty("name").GetString());
    }

    private static object Registration(string name, string address, string district, string? udyam = null) => new
    {
        name,
        udyamNumber = udyam ?? EnterprisesFixture.NewUdyam(),
        district,
        address,
        investmentInr = 2_000_000m,
        turnoverInr = 9_000_000m,
    };
}
