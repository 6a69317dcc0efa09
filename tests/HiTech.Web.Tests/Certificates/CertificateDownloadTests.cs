using System.Net;
using System.Net.Http.Json;
using HiTech.Web.Data.Entities;
using HiTech.Web.Features.Certificates;
using HiTech.Web.Tests.Infrastructure;
using HiTech.Web.Tests.Maturity;
using HiTech.Web.Tests.Reviews;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Certificates;

/// <summary>
/// Finding a certificate: the links on the result page, the assessments list and the enterprise page; who may
/// download it (owner, approving assessor, admin); a read never issues one; the check code on the PDF and the
/// verification page; an unknown id's 404 page.
/// </summary>
public sealed class CertificateDownloadTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private const string Download = "Download your certificate (PDF)";
    private const string DownloadMl = "നിങ്ങളുടെ സർട്ടിഫിക്കറ്റ് ഡൗൺലോഡ് ചെയ്യുക (PDF)";

    private static CancellationToken None => TestContext.Current.CancellationToken;

    /// <summary>A fresh assessment of a demo organisation, submitted, assigned to the demo assessor and approved by them through the API.</summary>
    private async Task<(Guid AssessmentId, string CertificateId)> ApprovedAsync()
    {
        var assessorId = await platform.UserIdAsync(PlatformFixture.AssessorEmail);
        var id = await platform.CreateSubmittedAsync(assessorId);
        using var api = await platform.ApiAsync(PlatformFixture.AssessorEmail);
        var review = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/reviews/{id}", None));
        var approved = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/approve", new { version = review.GetProperty("version").GetInt32() }, None);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var certificateId = (await TestHost.JsonAsync(approved)).GetProperty("certificate_id").GetString()!;
        Assert.Equal(certificateId, await platform.WithDbAsync(db => db.Certificates.Where(c => c.AssessmentId == id).Select(c => c.Id).SingleAsync(None)));
        return (id, certificateId);
    }

    private Task<Guid> OrganisationOfAsync(Guid assessmentId) =>
        platform.WithDbAsync(db => db.Assessments.Where(a => a.Id == assessmentId).Select(a => a.OrganisationId).SingleAsync(None));

    private Task<int> CertificateCountAsync() => platform.WithDbAsync(db => db.Certificates.CountAsync(None));

    [Fact]
    public async Task The_result_page_the_assessments_list_and_the_enterprise_page_link_to_the_certificate_in_both_languages()
    {
        var (assessmentId, certificateId) = await ApprovedAsync();
        var owner = await platform.OwnerOfAsync(await OrganisationOfAsync(assessmentId));
        var link = $"href=\"/certificates/{certificateId}.pdf\"";

        foreach (var (language, label) in new[] { ("en", Download), ("ml", DownloadMl) })
        {
            using var browser = await platform.BrowserAsync(owner, cultureCookie: language);
            foreach (var page in new[] { $"/assessments/{assessmentId}/result", "/assessments", "/enterprise" })
            {
                var (response, html) = await browser.GetPageAsync(page);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains(link, html, StringComparison.Ordinal);
                Assert.Contains(label, html, StringComparison.Ordinal);
            }
        }

        // The link works for the owner.
        using var ownerBrowser = await platform.BrowserAsync(owner);
        var pdf = await ownerBrowser.GetAsync($"/certificates/{certificateId}.pdf", None);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_approving_assessor_and_an_admin_download_it_another_assessor_and_an_analyst_do_not()
    {
        var (assessmentId, certificateId) = await ApprovedAsync();
        var pdfUrl = $"/certificates/{certificateId}.pdf";

        using (var assessor = await platform.BrowserAsync(PlatformFixture.AssessorEmail))
        {
            Assert.Equal(HttpStatusCode.OK, (await assessor.GetAsync(pdfUrl, None)).StatusCode);
            var (_, result) = await assessor.GetPageAsync($"/assessments/{assessmentId}/result");
            Assert.Contains($"href=\"{pdfUrl}\"", result, StringComparison.Ordinal);
            Assert.Contains("Download the certificate (PDF)", result, StringComparison.Ordinal);
            var found = await assessor.GetAsync($"/certificates/for-assessment/{assessmentId}", None);
            Assert.Equal(pdfUrl, found.Headers.Location?.ToString());
        }

        using (var admin = await platform.BrowserAsync(DemoSeeder.AdminEmail))
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(pdfUrl, None)).StatusCode);
        }

        var otherEmail = $"assessor-{Guid.NewGuid():N}@demo.local";
        await platform.CreateUserAsync(otherEmail, HiTech.Web.Infrastructure.Roles.Assessor);
        using (var other = await platform.BrowserAsync(otherEmail))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(pdfUrl, None)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/certificates/for-assessment/{assessmentId}", None)).StatusCode);
        }

        using (var analyst = await platform.BrowserAsync(DemoSeeder.AnalystEmail))
        {
            var refused = await analyst.GetAsync(pdfUrl, None);
            Assert.Contains("/account/access-denied", refused.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        }

        // The API answers the same way.
        using var assessorApi = await platform.ApiAsync(PlatformFixture.AssessorEmail);
        Assert.Equal(HttpStatusCode.OK, (await assessorApi.GetAsync($"/api/v1/certificates/{certificateId}/pdf", None)).StatusCode);
        using var otherApi = await platform.ApiAsync(otherEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync($"/api/v1/certificates/{certificateId}/pdf", None)).StatusCode);
        using var analystApi = await platform.ApiAsync(DemoSeeder.AnalystEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await analystApi.GetAsync($"/api/v1/certificates/{certificateId}/pdf", None)).StatusCode);
    }

    [Fact]
    public async Task Reading_an_approved_assessment_that_has_no_certificate_never_issues_one()
    {
        // An assessment stored as approved with a final result but no certificate (as approved before certificates existed).
        var assessorId = await platform.UserIdAsync(PlatformFixture.AssessorEmail);
        var id = await platform.CreateSubmittedAsync(assessorId);
        await platform.WithDbAsync(async db =>
        {
            var assessment = await db.Assessments.SingleAsync(a => a.Id == id, None);
            assessment.Status = AssessmentStatus.Approved;
            assessment.DecidedAt = DateTimeOffset.UtcNow;
            var result = await db.AssessmentResults.SingleAsync(r => r.AssessmentId == id, None);
            result.IsFinal = true;
            return await db.SaveChangesAsync(None);
        });
        var owner = await platform.OwnerOfAsync(await OrganisationOfAsync(id));
        var before = await CertificateCountAsync();

        using (var browser = await platform.BrowserAsync(owner))
        {
            var (response, html) = await browser.GetPageAsync($"/assessments/{id}/result");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("This result is final", html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/assessments", None)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/enterprise", None)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/certificates/for-assessment/{id}", None)).StatusCode);
        }

        using (var admin = await platform.BrowserAsync(DemoSeeder.AdminEmail))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/certificates/for-assessment/{id}", None)).StatusCode);
        }

        Assert.Equal(before, await CertificateCountAsync());
        Assert.False(await platform.WithDbAsync(db => db.Certificates.AnyAsync(c => c.AssessmentId == id, None)));
    }

    [Fact]
    public async Task The_pdf_and_the_verification_page_show_the_same_check_code()
    {
        var (assessmentId, certificateId) = await ApprovedAsync();
        var signature = await platform.WithDbAsync(db => db.Certificates.Where(c => c.Id == certificateId).Select(c => c.Signature).SingleAsync(None));
        var code = CertificateCheckCode.Of(signature);
        Assert.NotNull(code);
        Assert.Matches("^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$", code);

        using var anonymous = platform.Anonymous();
        var page = await (await anonymous.GetAsync($"/verify/{certificateId}", None)).Content.ReadAsStringAsync(None);
        Assert.Contains("Check code", page, StringComparison.Ordinal);
        Assert.Contains(code, page, StringComparison.Ordinal);
        var check = await TestHost.JsonAsync(await anonymous.GetAsync($"/api/v1/certificates/{certificateId}/verify", None));
        Assert.Equal(code, check.GetProperty("check_code").GetString());
        using var malayalam = platform.Anonymous("ml");
        var pageMl = await (await malayalam.GetAsync($"/verify/{certificateId}", None)).Content.ReadAsStringAsync(None);
        Assert.Contains("പരിശോധനാ കോഡ്", pageMl, StringComparison.Ordinal);
        Assert.Contains(code, pageMl, StringComparison.Ordinal);

        if (PdfText.Missing is { } missing)
        {
            Assert.Skip(missing);
        }

        using var owner = await platform.BrowserAsync(await platform.OwnerOfAsync(await OrganisationOfAsync(assessmentId)));
        var text = PdfText.Extract(await (await owner.GetAsync($"/certificates/{certificateId}.pdf", None)).Content.ReadAsByteArrayAsync(None));
        Assert.Contains("Check code", text, StringComparison.Ordinal);
        Assert.Contains("പരിശോധനാ കോഡ്", text, StringComparison.Ordinal);
        Assert.Contains(code, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_id_answers_404_with_the_friendly_page()
    {
        using var anonymous = platform.Anonymous();
        foreach (var id in new[] { CertificateIds.New(), "not-an-id" })
        {
            var response = await anonymous.GetAsync($"/verify/{id}", None);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var html = await response.Content.ReadAsStringAsync(None);
            Assert.Contains("class=\"govuk-footer\"", html, StringComparison.Ordinal);
            Assert.Contains("This certificate is not genuine", html, StringComparison.Ordinal);
            Assert.Contains("No certificate with this ID was issued", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/verify\"", html, StringComparison.Ordinal);
        }

        using var malayalam = platform.Anonymous("ml");
        var answer = await malayalam.GetAsync($"/verify/{CertificateIds.New()}", None);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains("lang=\"ml\"", await answer.Content.ReadAsStringAsync(None), StringComparison.Ordinal);
    }
}
