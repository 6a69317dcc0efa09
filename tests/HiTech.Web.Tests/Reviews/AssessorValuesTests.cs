using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using HiTech.Core.Frameworks;
using HiTech.Web.Data.Entities;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Reviews;

/// <summary>
/// The assessor corrects values in the units the page shows (percentages, rupees with lakh and crore), and cannot mark
/// an input verified without a document when the framework needs evidence for it; the page says why.
/// </summary>
public sealed class AssessorValuesTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    private async Task<(Guid Id, int Version, Dictionary<string, Guid> Inputs)> SubmittedAsync(HttpClient api)
    {
        var id = await platform.CreateSubmittedAsync(await platform.UserIdAsync(PlatformFixture.AssessorEmail));
        var review = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/reviews/{id}", None));
        var inputs = review.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("input_id").GetString()!, i => i.GetProperty("id").GetGuid());
        return (id, review.GetProperty("version").GetInt32(), inputs);
    }

    private Task<AssessmentInput> RowAsync(Guid inputId) => platform.WithDbAsync(db => db.AssessmentInputs.AsNoTracking().SingleAsync(i => i.Id == inputId));

    private Task<int> VersionAsync(Guid id) => platform.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

    [Fact]
    public async Task A_percentage_and_an_amount_are_corrected_in_the_units_shown()
    {
        using var api = await platform.ApiAsync(PlatformFixture.AssessorEmail);
        var (id, version, inputs) = await SubmittedAsync(api);
        var share = inputs["high_value_stage_share"];
        var stored = (await RowAsync(share)).Number!.Value;

        // The page shows the figure as a percentage, with % beside the field, and the amount with ₹ before it.
        using var browser = await platform.SignInAsync(PlatformFixture.AssessorEmail);
        var html = WebUtility.HtmlDecode(await browser.GetHtmlAsync($"/reviews/{id}"));
        Assert.Contains($"Now: {(stored * 100).ToString("0.##", CultureInfo.InvariantCulture)}%", html, StringComparison.Ordinal);
        Assert.Contains("govuk-input__suffix\" aria-hidden=\"true\">%", html, StringComparison.Ordinal);
        Assert.Contains("In rupees, for example 12,34,567 or 12.5 lakh. Now: ₹", html, StringComparison.Ordinal);

        var page = await browser.SubmitAsync($"/reviews/{id}", $"/reviews/{id}?handler=input&inputId={share}", new()
        {
            ["Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Decision"] = "adjusted",
            ["Value"] = "12.5",
            ["Reason"] = "The sales ledger shows 12.5%.",
        });
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(0.125m, (await RowAsync(share)).Number);

        // The API takes the same text: a percentage, and rupees in crore.
        var percent = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/inputs/{share}", new { decision = "adjusted", value = "20%", reason = "Ledger", version = await VersionAsync(id) }, None);
        Assert.Equal(HttpStatusCode.OK, percent.StatusCode);
        Assert.Equal(0.2m, (await RowAsync(share)).Number);
        var turnover = inputs["turnover"];
        var crore = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/inputs/{turnover}", new { decision = "adjusted", value = "1.2 crore", reason = "Audited accounts", version = await VersionAsync(id) }, None);
        Assert.Equal(HttpStatusCode.OK, crore.StatusCode);
        Assert.Equal(12_000_000m, (await RowAsync(turnover)).Number);

        // Out of range, in the unit shown.
        var over = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/inputs/{share}", new { decision = "adjusted", value = "140", reason = "Ledger", version = await VersionAsync(id) }, None);
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Contains("from 0% to 100%", (await TestHost.JsonAsync(over)).GetProperty("errors").GetProperty("value")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "lots", "The corrected value must be an amount in rupees, like 12,34,567 or 12.5 lakh")]
    [InlineData("en", "12,34", "The corrected value can be read as more than one amount")]
    [InlineData("ml", "lots", "തിരുത്തിയ മൂല്യം രൂപയിലുള്ള തുകയായിരിക്കണം")]
    [InlineData("ml", "-5 lakh", "തിരുത്തിയ മൂല്യം പൂജ്യത്തിൽ കുറവാകാൻ പാടില്ല")]
    public async Task A_corrected_amount_that_is_not_one_clear_figure_is_refused_in_the_users_language(string language, string value, string message)
    {
        using var api = await platform.ApiAsync(PlatformFixture.AssessorEmail, language);
        var (id, version, inputs) = await SubmittedAsync(api);
        var refused = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/inputs/{inputs["turnover"]}", new { decision = "adjusted", value, reason = "Audited accounts", version }, None);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(message, (await TestHost.JsonAsync(refused)).GetProperty("errors").GetProperty("value")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "‘Annual turnover’ cannot be marked verified: no document is uploaded for it", "so it cannot be marked verified")]
    [InlineData("ml", "‘വാർഷിക വിറ്റുവരവ്’ സ്ഥിരീകരിച്ചതായി രേഖപ്പെടുത്താനാവില്ല", "അതിനാൽ ഇത് സ്ഥിരീകരിച്ചതായി രേഖപ്പെടുത്താനാവില്ല")]
    public async Task An_input_the_framework_needs_evidence_for_is_verified_only_with_a_document(string language, string refusal, string hint)
    {
        using var api = await platform.ApiAsync(PlatformFixture.AssessorEmail, language);
        var (id, version, inputs) = await SubmittedAsync(api);
        var turnover = inputs["turnover"];

        var refused = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/inputs/{turnover}", new { decision = "verified", version }, None);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(refusal, (await TestHost.JsonAsync(refused)).GetProperty("errors").GetProperty("decision")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(EvidenceLevel.SelfDeclared, (await RowAsync(turnover)).Evidence);

        // The page says why before the assessor tries, and again when they do.
        using var browser = await platform.SignInAsync(PlatformFixture.AssessorEmail);
        browser.UseAcceptLanguage(language);
        var html = WebUtility.HtmlDecode(await browser.GetHtmlAsync($"/reviews/{id}"));
        Assert.Contains($"id=\"decision-{turnover}-hint\"", html, StringComparison.Ordinal);
        Assert.Contains(hint, html, StringComparison.Ordinal);
        var page = await browser.SubmitAsync($"/reviews/{id}", $"/reviews/{id}?handler=input&inputId={turnover}", new()
        {
            ["Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Decision"] = "verified",
        });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(refusal, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(None)), StringComparison.Ordinal);

        // With the audited accounts uploaded, it can be verified.
        await platform.AddEvidenceAsync(id, "turnover", TestHost.Pdf(), "accounts.pdf");
        Assert.DoesNotContain($"id=\"decision-{turnover}-hint\"", await browser.GetHtmlAsync($"/reviews/{id}"), StringComparison.Ordinal);
        var verified = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/inputs/{turnover}", new { decision = "verified", version }, None);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(EvidenceLevel.Verified, (await RowAsync(turnover)).Evidence);
    }

    [Fact]
    public async Task An_input_the_framework_needs_no_evidence_for_can_be_verified_without_a_document()
    {
        using var api = await platform.ApiAsync(PlatformFixture.AssessorEmail);
        var (id, version, inputs) = await SubmittedAsync(api);
        var share = inputs["high_value_stage_share"];
        var verified = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/inputs/{share}", new { decision = "verified", version }, None);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(EvidenceLevel.Verified, (await RowAsync(share)).Evidence);
    }
}
