using System.Net;
using System.Net.Http.Json;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Assessments;

/// <summary>
/// The enterprise's assessment forms and API take money as owners write it (the platform's one money reading, as on
/// registration) and ratios as the percentages the pages show, with the unit beside the field.
/// </summary>
public sealed class AmountsAndPercentagesTests(AssessmentsFixture fixture) : IClassFixture<AssessmentsFixture>
{
    [Theory]
    [InlineData("en", "2.1 crore", "62.5 lakh")]
    [InlineData("ml", "2.1 കോടി", "62.5 ലക്ഷം")]
    public async Task Money_is_taken_in_lakh_and_crore_and_shown_back_in_Indian_grouping(string language, string turnover, string valueAdded)
    {
        var id = await fixture.CreateDraftAsync();
        using var browser = await fixture.SignInAsync(DemoSeeder.OwnerEmail);
        browser.UseAcceptLanguage(language);
        var page = $"/assessments/{id}/inputs/about";
        var saved = await browser.PostFormAsync(page, page, new()
        {
            ["Values.turnover"] = [turnover],
            ["Values.value_added"] = [valueAdded],
            ["Values.employees"] = ["40"],
            ["action"] = ["continue"],
        }, withVersion: true);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var inputs = await fixture.WithDbAsync(db => db.AssessmentInputs.AsNoTracking().Where(i => i.AssessmentId == id).ToDictionaryAsync(i => i.InputId));
        Assert.Equal(21_000_000m, inputs["turnover"].Number);
        Assert.Equal(6_250_000m, inputs["value_added"].Number);

        var html = await browser.GetHtmlAsync(page);
        Assert.Contains("value=\"2,10,00,000\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"62,50,000\"", html, StringComparison.Ordinal);
        Assert.Contains("govuk-input__prefix\" aria-hidden=\"true\">₹", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "‘Annual turnover’ can be read as more than one amount: write it like 12,34,567 or 12.5 lakh")]
    [InlineData("ml", "‘വാർഷിക വിറ്റുവരവ്’ ഒന്നിലധികം തുകയായി വായിക്കാം")]
    public async Task An_amount_that_could_be_read_two_ways_is_refused(string language, string message)
    {
        var id = await fixture.CreateDraftAsync();
        using var browser = await fixture.SignInAsync(DemoSeeder.OwnerEmail);
        browser.UseAcceptLanguage(language);
        var page = $"/assessments/{id}/inputs/about";
        var response = await browser.PostFormAsync(page, page, new() { ["Values.turnover"] = ["12,34"], ["action"] = ["continue"] }, withVersion: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("value=\"12,34\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_percentage_is_typed_as_shown_with_the_unit_beside_the_field()
    {
        var id = await fixture.CreateDraftAsync();
        using var browser = await fixture.SignInAsync(DemoSeeder.OwnerEmail);
        var page = $"/assessments/{id}/inputs/value_added";
        var form = await browser.GetHtmlAsync(page);
        Assert.Contains("govuk-input__suffix\" aria-hidden=\"true\">%", form, StringComparison.Ordinal);
        var saved = await browser.PostFormWithAsync(form, page, new() { ["Values.high_value_stage_share"] = ["12.5"], ["action"] = ["continue"] }, Browser.Version(form));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(0.125m, await fixture.WithDbAsync(db => db.AssessmentInputs.Where(i => i.AssessmentId == id && i.InputId == "high_value_stage_share").Select(i => i.Number).SingleAsync()));
        Assert.Contains("value=\"12.5\"", await browser.GetHtmlAsync(page), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "amount in rupees")]
    [InlineData("ml", "രൂപ")]
    public async Task The_api_reads_money_text_with_the_same_reading(string language, string notAnAmount)
    {
        var id = await fixture.CreateDraftAsync();
        using var api = await fixture.ApiAsync(DemoSeeder.OwnerEmail, language);
        var version = (await TestHost.JsonAsync(await api.GetAsync($"/api/v1/assessments/{id}"))).GetProperty("version").GetInt32();
        var saved = await api.PutAsJsonAsync($"/api/v1/assessments/{id}/inputs", new
        {
            version,
            inputs = new Dictionary<string, object?> { ["turnover"] = "2.1 കോടി", ["value_added"] = "62.5 lakh", ["high_value_stage_share"] = "12.5%" },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var inputs = await fixture.WithDbAsync(db => db.AssessmentInputs.AsNoTracking().Where(i => i.AssessmentId == id).ToDictionaryAsync(i => i.InputId));
        Assert.Equal(21_000_000m, inputs["turnover"].Number);
        Assert.Equal(6_250_000m, inputs["value_added"].Number);
        Assert.Equal(0.125m, inputs["high_value_stage_share"].Number);

        var refused = await api.PutAsJsonAsync($"/api/v1/assessments/{id}/inputs", new { version = version + 1, inputs = new Dictionary<string, object?> { ["turnover"] = "lots" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(notAnAmount, (await TestHost.JsonAsync(refused)).GetProperty("errors").GetProperty("inputs.turnover")[0].GetString(), StringComparison.Ordinal);
    }
}
