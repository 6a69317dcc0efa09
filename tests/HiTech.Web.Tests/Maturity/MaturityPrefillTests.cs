using System.Net;
using System.Net.Http.Json;
using HiTech.Core.Frameworks;
using HiTech.Web.Data.Entities;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Maturity;

/// <summary>
/// An assessment started after a digital maturity assessment was finished starts with its score as the digital maturity
/// figure, self-declared and pending review: in the field, not only in the hint beside it.
/// </summary>
public sealed class MaturityPrefillTests(MaturityFixture fixture) : IClassFixture<MaturityFixture>
{
    [Theory]
    [InlineData("en", "From your digital maturity assessment", "Your own figure")]
    [InlineData("ml", "പൂർത്തിയാക്കിയ നിങ്ങളുടെ ഡിജിറ്റൽ പക്വത വിലയിരുത്തൽ", "നിങ്ങൾ സ്വയം നൽകിയ കണക്ക്")]
    public async Task A_new_assessment_starts_with_the_finished_maturity_score_as_a_self_declared_figure(string language, string source, string selfDeclared)
    {
        if (WebAppFactory.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var firm = await fixture.NewFirmAsync(draft: false, language: language);
        var maturity = await fixture.AddFinishedAsync(firm.OrganisationId, 58, DateTimeOffset.UtcNow.AddDays(-3));
        var overall = await fixture.WithDbAsync(db => db.MaturityAssessments.Where(m => m.Id == maturity).Select(m => m.Overall).SingleAsync());

        using var api = await fixture.ApiAsync(firm.Email);
        var started = await api.PostAsJsonAsync("/api/v1/assessments", new { organisationId = firm.OrganisationId, year = 2020 });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await TestHost.JsonAsync(started)).GetProperty("id").GetGuid();

        var row = await fixture.WithDbAsync(db => db.AssessmentInputs.AsNoTracking().SingleAsync(i => i.AssessmentId == id && i.InputId == "digital_maturity"));
        Assert.Equal(overall, (int?)row.Number);
        Assert.Equal(EvidenceLevel.SelfDeclared, row.Evidence);
        Assert.Equal(ReviewState.Pending, row.Review);
        Assert.Contains(maturity.ToString(), await fixture.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == id.ToString() && a.Action == AuditAction.ApplyMaturityScore).Select(a => a.After).SingleAsync()), StringComparison.Ordinal);

        // The field holds the figure, marked self-declared, and the hint says where it came from.
        using var browser = await fixture.BrowserAsync(firm.Email, acceptLanguage: language);
        var html = WebUtility.HtmlDecode(await browser.GetHtmlAsync($"/assessments/{id}/inputs/digital"));
        Assert.Contains($"name=\"Values.digital_maturity\" type=\"text\" inputmode=\"decimal\" spellcheck=\"false\" autocomplete=\"off\" value=\"{overall}\"", html, StringComparison.Ordinal);
        Assert.Contains(source, html, StringComparison.Ordinal);
        Assert.Contains(selfDeclared, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_finished_maturity_assessment_the_figure_is_left_to_the_enterprise()
    {
        if (WebAppFactory.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var firm = await fixture.NewFirmAsync(draft: false);
        using var api = await fixture.ApiAsync(firm.Email);
        var started = await api.PostAsJsonAsync("/api/v1/assessments", new { organisationId = firm.OrganisationId, year = 2021 });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await TestHost.JsonAsync(started)).GetProperty("id").GetGuid();
        Assert.False(await fixture.WithDbAsync(db => db.AssessmentInputs.AnyAsync(i => i.AssessmentId == id && i.InputId == "digital_maturity")));
    }
}
