using System.Net;
using System.Net.Http.Json;
using HiTech.Core.Identifiers;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Enterprises;

/// <summary>
/// Registration and unit forms read amounts as owners write them (one money reading for every form: Indian or Western
/// grouping, lakh and crore in English or Malayalam), give examples in Indian grouping, and say which part of a GSTIN or
/// Udyam number is not Kerala's.
/// </summary>
[Collection(EnterprisesCollection.Name)]
public sealed class MoneyAndIdentifierTests(EnterprisesFixture kit)
{
    /// <summary>A GSTIN well formed, check digit right, of another state.</summary>
    private static string GstinOfState(string state) => state + "AAAPA1234A1Z" + Gstin.CheckCharacter(state + "AAAPA1234A1Z");

    private async Task<Browser> AtSizePageAsync(string? language = null)
    {
        var browser = await kit.BrowserAsync(await kit.NewUserAsync(), language);
        await browser.PostPageAsync("/enterprise/register", Form.Of(("Name", "Kanjikode Gears"), ("UdyamNumber", EnterprisesFixture.NewUdyam()), ("Gstin", "")));
        await browser.PostPageAsync("/enterprise/register/location", Form.Of(("District", "palakkad"), ("Address", "Kanjikode West, Palakkad 678621")));
        return browser;
    }

    [Theory]
    [InlineData("62.5 lakh", "2.1 crore", "₹62,50,000", "₹2,10,00,000")]
    [InlineData("62.5 ലക്ഷം", "2.1 കോടി", "₹62,50,000", "₹2,10,00,000")]
    [InlineData("₹ 12 lakh", "1,200,000", "₹12,00,000", "₹12,00,000")]
    public async Task Registration_takes_amounts_in_lakh_and_crore_and_shows_them_in_Indian_grouping(string investment, string turnover, string investmentShown, string turnoverShown)
    {
        using var browser = await AtSizePageAsync();
        var (_, sizeHtml) = await browser.GetPageAsync("/enterprise/register/size");
        Assert.Contains("for example 1,20,00,000 or 1.2 crore", sizeHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("12000000", sizeHtml, StringComparison.Ordinal);

        var (size, _) = await browser.PostPageAsync("/enterprise/register/size", Form.Of(("InvestmentInr", investment), ("TurnoverInr", turnover)));
        Assert.Equal("/enterprise/register/check", size.Headers.Location?.OriginalString);
        var (_, checkHtml) = await browser.GetPageAsync("/enterprise/register/check");
        Assert.Contains(investmentShown, checkHtml, StringComparison.Ordinal);
        Assert.Contains(turnoverShown, checkHtml, StringComparison.Ordinal);

        // Back on the page, the amounts are shown in Indian grouping, which the page reads back the same.
        var (_, again) = await browser.GetPageAsync("/enterprise/register/size");
        Assert.Contains($"value=\"{investmentShown[1..]}\"", again, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "12,34", "This amount can be read more than one way")]
    [InlineData("en", "-5 lakh", "The investment cannot be negative")]
    [InlineData("en", "lots", "Enter the investment in rupees, like 25,00,000 or 25 lakh")]
    [InlineData("ml", "12,34", "ഒന്നിലധികം രീതിയിൽ വായിക്കാം")]
    [InlineData("ml", "-5 lakh", "നിക്ഷേപം പൂജ്യത്തിൽ കുറയാൻ പാടില്ല")]
    [InlineData("ml", "lots", "25,00,000 അല്ലെങ്കിൽ 25 ലക്ഷം")]
    public async Task An_amount_that_is_not_one_clear_figure_is_refused_saying_why(string language, string typed, string message)
    {
        using var browser = await AtSizePageAsync(language);
        var (response, html) = await browser.PostPageAsync("/enterprise/register/size", Form.Of(("InvestmentInr", typed), ("TurnoverInr", "1.2 crore")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#InvestmentInr\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{typed}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_form_takes_crore_in_Malayalam()
    {
        var user = await kit.NewUserAsync();
        await kit.RegisterAsync(user);
        using var browser = await kit.BrowserAsync(user, "ml");
        var (added, _) = await browser.PostPageAsync("/enterprise/units/add", Form.Of(("Name", "Kochi plant"), ("District", "ernakulam"), ("Address", "Kakkanad, Kochi"), ("InvestmentInr", "1.5 കോടി"), ("TurnoverInr", "12,00,00,000")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var organisation = await kit.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.OrganisationId).SingleAsync());
        var unit = await kit.WithDbAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.Name == "Kochi plant" && u.OrganisationId == organisation));
        Assert.Equal(15_000_000m, unit.InvestmentInr);
        Assert.Equal(120_000_000m, unit.TurnoverInr);
    }

    [Theory]
    [InlineData("en", "The state code of this GSTIN (its first 2 digits) is 29, not 32", "The state part of this Udyam number is TN, not KL")]
    [InlineData("ml", "ഈ GSTIN-ന്റെ സംസ്ഥാന കോഡ് (ആദ്യത്തെ 2 അക്കങ്ങൾ) 29 ആണ്, 32 അല്ല", "ഈ ഉദ്യം നമ്പറിലെ സംസ്ഥാന ഭാഗം TN ആണ്, KL അല്ല")]
    public async Task A_gstin_or_udyam_number_of_another_state_is_refused_naming_the_part(string language, string gstinMessage, string udyamMessage)
    {
        using var browser = await kit.BrowserAsync(await kit.NewUserAsync(), language);
        var (response, html) = await browser.PostPageAsync("/enterprise/register", Form.Of(("Name", "Hosur Castings"), ("UdyamNumber", "UDYAM-TN-08-0012345"), ("Gstin", GstinOfState("29"))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(gstinMessage, html, StringComparison.Ordinal);
        Assert.Contains(udyamMessage, html, StringComparison.Ordinal);

        // The API says the same, under each field.
        using var api = await kit.ApiAsync(await kit.NewUserAsync(), language);
        using var refused = await api.PostAsJsonAsync("/api/v1/organisations", EnterprisesFixture.Registration(udyam: "UDYAM-TN-08-0012345", gstin: GstinOfState("29")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await TestHost.JsonAsync(refused)).GetProperty("errors");
        Assert.Contains(gstinMessage, errors.GetProperty("gstin")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(udyamMessage, errors.GetProperty("udyamNumber")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kerala_gstin_and_udyam_number_are_accepted()
    {
        using var browser = await kit.BrowserAsync(await kit.NewUserAsync());
        var (response, _) = await browser.PostPageAsync("/enterprise/register", Form.Of(("Name", "Kochi Castings"), ("UdyamNumber", EnterprisesFixture.NewUdyam()), ("Gstin", GstinOfState("32"))));
        Assert.Equal("/enterprise/register/location", response.Headers.Location?.OriginalString);
    }
}
