using System.Net;
using System.Text.RegularExpressions;

namespace HiTech.Web.Tests.Enterprises;

/// <summary>The GOV.UK error summary lists errors in the order the fields appear on the page, not the order they were found.</summary>
[Collection(EnterprisesCollection.Name)]
public sealed partial class ErrorSummaryOrderTests(EnterprisesFixture kit)
{
    [Fact]
    public async Task The_unit_form_lists_its_errors_in_page_order()
    {
        var user = await kit.NewUserAsync();
        await kit.RegisterAsync(user);
        using var browser = await kit.BrowserAsync(user);

        // The amounts are read (and refused) before the rules check the name and district.
        var (response, html) = await browser.PostPageAsync("/enterprise/units/add", Form.Of(
            ("Name", ""), ("District", ""), ("Address", "Kanjikode"), ("InvestmentInr", "a lot"), ("TurnoverInr", "more")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Name", "District", "InvestmentInr", "TurnoverInr"], SummaryLinks(html));
    }

    [Fact]
    public async Task The_activity_form_lists_its_errors_in_page_order()
    {
        var user = await kit.NewUserAsync();
        await kit.RegisterAsync(user);
        using var browser = await kit.BrowserAsync(user);

        // The share is read (and refused) before the rules find that no stage is chosen; the stages come first on the page.
        var (response, html) = await browser.PostPageAsync("/enterprise/activities/add/2610", Form.Of(("SharePercent", "most of it")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Stages", "SharePercent"], SummaryLinks(html));
    }

    [Fact]
    public void Whole_form_errors_come_first_then_fields_in_order_then_fields_the_page_did_not_name()
    {
        var state = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        state.AddModelError("Unlisted", "u");
        state.AddModelError("Items[1].Value", "i1");
        state.AddModelError("Name", "n");
        state.AddModelError("", "whole");
        state.AddModelError("Items[0].Value", "i0");

        var errors = HiTech.Web.Features.Shared.ErrorSummary.Errors(state, ["Name", "Items"]);

        Assert.Equal(["whole", "n", "i0", "i1", "u"], errors.Select(e => e.Message));
    }

    private static List<string> SummaryLinks(string html)
    {
        var start = html.IndexOf("govuk-error-summary__list", StringComparison.Ordinal);
        Assert.True(start >= 0, "The page has no error summary.");
        var list = html[start..html.IndexOf("</ul>", start, StringComparison.Ordinal)];
        return [.. SummaryLink().Matches(list).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("<a href=\"#([^\"]*)\"")]
    private static partial Regex SummaryLink();
}
