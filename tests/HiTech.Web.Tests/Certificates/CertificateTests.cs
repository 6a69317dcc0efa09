using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HiTech.Web.Data.Entities;
using HiTech.Web.Features.Certificates;
using HiTech.Web.Tests.Infrastructure;
using HiTech.Web.Tests.Reviews;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Certificates;

/// <summary>Certificates: issue, PDF (shaped Malayalam, embedded fonts, QR), public verification, tampering, revocation.</summary>
public sealed class CertificateTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    /// <summary>The demo organisation whose certificates these tests read: the first with two approved years.</summary>
    private Task<Guid> OrganisationAsync() => platform.WithDbAsync(db => db.Assessments
        .Where(a => a.Status == AssessmentStatus.Approved)
        .GroupBy(a => a.OrganisationId)
        .Where(g => g.Count() >= 2)
        .Select(g => g.Key)
        .OrderBy(id => id)
        .FirstAsync(None));

    /// <summary>An enterprise account of that organisation.</summary>
    private async Task<string> OwnerEmailAsync() => await platform.OwnerOfAsync(await OrganisationAsync());

    /// <summary>The owner's certificate for one of its demo-approved assessments (0: oldest year), issued by the demo seeder.</summary>
    private async Task<(Browser Owner, string Id, Guid AssessmentId)> OwnerCertificateAsync(int which = 0)
    {
        var organisation = await OrganisationAsync();
        var assessments = await platform.WithDbAsync(db => db.Assessments.Where(a => a.OrganisationId == organisation && a.Status == AssessmentStatus.Approved).OrderBy(a => a.Year).Select(a => a.Id).ToListAsync(None));
        return await CertificateForAsync(await OwnerEmailAsync(), assessments[which]);
    }

    /// <summary>Follows /certificates/for-assessment/{id} as this user; returns the certificate id it redirects to.</summary>
    private async Task<(Browser Client, string Id, Guid AssessmentId)> CertificateForAsync(string email, Guid assessmentId)
    {
        var client = await platform.SignInAsync(email);
        var redirect = await client.GetAsync($"/certificates/for-assessment/{assessmentId}", None);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var location = redirect.Headers.Location!.ToString();
        Assert.StartsWith("/certificates/", location, StringComparison.Ordinal);
        Assert.EndsWith(".pdf", location, StringComparison.Ordinal);
        return (client, location["/certificates/".Length..^".pdf".Length], assessmentId);
    }

    [Fact]
    public async Task A_demo_approved_assessment_gets_one_signed_certificate_that_verifies()
    {
        var (owner, id, assessmentId) = await OwnerCertificateAsync();
        using (owner)
        {
            // Asking again gives the same certificate, never a second one.
            var again = await owner.GetAsync($"/certificates/for-assessment/{assessmentId}", None);
            Assert.Equal($"/certificates/{id}.pdf", again.Headers.Location!.ToString());
        }

        var (certificate, key, audit) = await platform.WithDbAsync(async db =>
        {
            var c = await db.Certificates.AsNoTracking().SingleAsync(x => x.AssessmentId == assessmentId);
            return (c, await db.SigningKeys.AsNoTracking().SingleAsync(k => k.Id == c.KeyId), await db.AuditEntries.AsNoTracking().Where(e => e.Entity == "Certificate" && e.EntityId == c.Id).Select(e => e.Action).ToListAsync(None));
        });
        Assert.Equal([AuditAction.Issue], audit);
        Assert.Matches("^[A-Z2-7]{26}$", certificate.Id);

        // Canonical JSON: sorted keys, no whitespace outside strings, invariant numbers.
        using var payload = JsonDocument.Parse(certificate.Payload);
        var keys = payload.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(["district", "financial_year", "framework", "framework_version", "id", "index", "issued", "key_id", "organisation", "tier", "tier_title", "type", "udyam"], keys);
        Assert.DoesNotContain("\n", certificate.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("\": ", certificate.Payload, StringComparison.Ordinal);
        Assert.Equal(certificate.Payload, CertificatePayload.TryParse(certificate.Payload)!.ToJson());

        // The private key is kept protected by Data Protection, and opens with the certificates' purpose only.
        using (var scope = platform.Factory.Services.CreateScope())
        {
            var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(CertificateSigner.ProtectorPurpose);
            Assert.Equal(43, protector.Unprotect(key.ProtectedPrivateKey).Length);
            Assert.DoesNotContain(protector.Unprotect(key.ProtectedPrivateKey), key.ProtectedPrivateKey, StringComparison.Ordinal);
        }

        using var anonymous = platform.Anonymous();
        var check = await TestHost.JsonAsync(await anonymous.GetAsync($"/api/v1/certificates/{id}/verify", None));
        Assert.Equal("valid", check.GetProperty("status").GetString());
        Assert.Equal(payload.RootElement.GetProperty("organisation").GetString(), check.GetProperty("certificate").GetProperty("organisation").GetString());
        Assert.EndsWith($"/verify/{id}", check.GetProperty("verify_url").GetString(), StringComparison.Ordinal);

        // Typed ids are forgiving of case and spaces.
        var typed = await TestHost.JsonAsync(await anonymous.GetAsync($"/api/v1/certificates/{id.ToLowerInvariant()[..13]}%20{id.ToLowerInvariant()[13..]}/verify", None));
        Assert.Equal("valid", typed.GetProperty("status").GetString());

        var page = await anonymous.GetAsync($"/verify/{id}", None);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(None);
        Assert.Contains("This certificate is genuine", html, StringComparison.Ordinal);

        // The public page reads in Malayalam for a Malayalam reader.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/verify/{id}");
        request.Headers.AcceptLanguage.ParseAdd("ml");
        var malayalam = await (await anonymous.SendAsync(request, None)).Content.ReadAsStringAsync(None);
        Assert.Contains("ഈ സർട്ടിഫിക്കറ്റ് യഥാർത്ഥമാണ്", malayalam, StringComparison.Ordinal);
        Assert.Contains(payload.RootElement.GetProperty("tier_title").GetProperty("ml").GetString()!, malayalam, StringComparison.Ordinal);

        // The owner reads it through the API too, with payload and signature to hand on.
        using var api = await platform.ApiAsync(await OwnerEmailAsync());
        var mine = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/certificates/{id}", None));
        Assert.Equal(certificate.Signature, mine.GetProperty("signature").GetString());
        using var analyst = await platform.ApiAsync(DemoSeeder.AnalystEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"/api/v1/certificates/{id}", None)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_id_is_not_genuine()
    {
        using var anonymous = platform.Anonymous();
        var check = await TestHost.JsonAsync(await anonymous.GetAsync($"/api/v1/certificates/{CertificateIds.New()}/verify", None));
        Assert.Equal("not-genuine", check.GetProperty("status").GetString());
        Assert.Equal("unknown", check.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, check.GetProperty("certificate").ValueKind);

        var garbage = await TestHost.JsonAsync(await anonymous.GetAsync("/api/v1/certificates/not-an-id/verify", None));
        Assert.Equal("not-genuine", garbage.GetProperty("status").GetString());

        var html = await (await anonymous.GetAsync($"/verify/{CertificateIds.New()}", None)).Content.ReadAsStringAsync(None);
        Assert.Contains("This certificate is not genuine", html, StringComparison.Ordinal);

        // The form: empty and malformed ids are refused in words; a good one goes to its page.
        var empty = await anonymous.GetAsync("/verify?id=", None);
        Assert.Contains("Enter the certificate ID", await empty.Content.ReadAsStringAsync(None), StringComparison.Ordinal);
        var form = await anonymous.GetAsync("/verify?id=abc", None);
        Assert.Contains("A certificate ID has 26 letters and digits", await form.Content.ReadAsStringAsync(None), StringComparison.Ordinal);
        var id = CertificateIds.New();
        var go = await anonymous.GetAsync($"/verify?id={id.ToLowerInvariant()}", None);
        Assert.Equal(HttpStatusCode.Redirect, go.StatusCode);
        Assert.Equal($"/verify/{id}", go.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_tampered_payload_is_not_genuine_whether_presented_or_stored()
    {
        var (owner, id, _) = await OwnerCertificateAsync(1);
        owner.Dispose();
        var certificate = await platform.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == id));
        using var anonymous = platform.Anonymous();

        var genuine = await TestHost.JsonAsync(await anonymous.PostAsJsonAsync("/api/v1/certificates/verify", new { payload = certificate.Payload, signature = certificate.Signature }, None));
        Assert.Equal("valid", genuine.GetProperty("status").GetString());

        var raised = certificate.Payload.Replace("\"tier\":\"", "\"tier\":\"x", StringComparison.Ordinal);
        var tampered = await TestHost.JsonAsync(await anonymous.PostAsJsonAsync("/api/v1/certificates/verify", new { payload = raised, signature = certificate.Signature }, None));
        Assert.Equal("not-genuine", tampered.GetProperty("status").GetString());
        Assert.Equal("tampered", tampered.GetProperty("reason").GetString());

        var bytes = Convert.FromBase64String(certificate.Signature.Replace('-', '+').Replace('_', '/') + "==");
        bytes[0] ^= 1;
        var forged = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var badSignature = await TestHost.JsonAsync(await anonymous.PostAsJsonAsync("/api/v1/certificates/verify", new { payload = certificate.Payload, signature = forged }, None));
        Assert.Equal("not-genuine", badSignature.GetProperty("status").GetString());

        var missing = await anonymous.PostAsJsonAsync("/api/v1/certificates/verify", new { payload = certificate.Payload }, None);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await TestHost.JsonAsync(missing)).GetProperty("errors").TryGetProperty("signature", out _));

        // The token kept in the PDF's keywords checks the same way.
        var token = CertificateSheet.Embedded(certificate.Payload, certificate.Signature);
        var fromPdf = await TestHost.JsonAsync(await anonymous.PostAsJsonAsync("/api/v1/certificates/verify", new { token }, None));
        Assert.Equal("valid", fromPdf.GetProperty("status").GetString());

        // Someone edits the stored record behind the platform's back: no longer vouched for.
        await platform.WithDbAsync(async db =>
        {
            var stored = await db.Certificates.SingleAsync(c => c.Id == id);
            stored.Payload = stored.Payload.Replace("\"index\":", "\"index\":9", StringComparison.Ordinal);
            return await db.SaveChangesAsync(None);
        });
        var byId = await TestHost.JsonAsync(await anonymous.GetAsync($"/api/v1/certificates/{id}/verify", None));
        Assert.Equal("not-genuine", byId.GetProperty("status").GetString());
        Assert.Equal("tampered", byId.GetProperty("reason").GetString());
        var page = await (await anonymous.GetAsync($"/verify/{id}", None)).Content.ReadAsStringAsync(None);
        Assert.Contains("This certificate is not genuine", page, StringComparison.Ordinal);
        var presentedOriginal = await TestHost.JsonAsync(await anonymous.PostAsJsonAsync("/api/v1/certificates/verify", new { payload = certificate.Payload, signature = certificate.Signature }, None));
        Assert.Equal("not-genuine", presentedOriginal.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_admin_revokes_with_a_reason_and_the_check_says_revoked()
    {
        // Another organisation's approved assessment and its certificate, found by the admin.
        var ownerOrg = await OrganisationAsync();
        var assessmentId = await platform.WithDbAsync(db => db.Assessments.Where(a => a.OrganisationId != ownerOrg && a.Status == AssessmentStatus.Approved).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        var (adminBrowser, id, _) = await CertificateForAsync(DemoSeeder.AdminEmail, assessmentId);
        adminBrowser.Dispose();
        using var ownerApi = await platform.ApiAsync(DemoSeeder.OwnerEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await ownerApi.PostAsJsonAsync($"/api/v1/certificates/{id}/revoke", new { reason = "mine" }, None)).StatusCode);

        using var admin = await platform.ApiAsync(DemoSeeder.AdminEmail);
        var noReason = await admin.PostAsJsonAsync($"/api/v1/certificates/{id}/revoke", new { reason = " " }, None);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await TestHost.JsonAsync(noReason)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/v1/certificates/{CertificateIds.New()}/revoke", new { reason = "x" }, None)).StatusCode);

        // Through the admin page: GET the form, post it with its antiforgery token.
        using var browser = await platform.SignInAsync(DemoSeeder.AdminEmail);
        var list = await (await browser.GetAsync($"/admin/certificates?q={id}", None)).Content.ReadAsStringAsync(None);
        Assert.Contains($"/admin/certificates/{id}", list, StringComparison.Ordinal);
        var empty = await browser.SubmitAsync($"/admin/certificates/{id}", $"/admin/certificates/{id}", new() { ["Reason"] = "" });
        Assert.Contains("Give the reason for revoking the certificate", await empty.Content.ReadAsStringAsync(None), StringComparison.Ordinal);
        var revoked = await browser.SubmitAsync($"/admin/certificates/{id}", $"/admin/certificates/{id}", new() { ["Reason"] = "The R&D figures were found to be overstated." });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        using var anonymous = platform.Anonymous();
        var check = await TestHost.JsonAsync(await anonymous.GetAsync($"/api/v1/certificates/{id}/verify", None));
        Assert.Equal("revoked", check.GetProperty("status").GetString());
        Assert.Equal("The R&D figures were found to be overstated.", check.GetProperty("revoked_reason").GetString());
        Assert.Equal(JsonValueKind.String, check.GetProperty("revoked_at").ValueKind);
        var html = await (await anonymous.GetAsync($"/verify/{id}", None)).Content.ReadAsStringAsync(None);
        Assert.Contains("This certificate has been revoked", html, StringComparison.Ordinal);
        Assert.Contains("The R&amp;D figures were found to be overstated.", html, StringComparison.Ordinal);

        var twice = await admin.PostAsJsonAsync($"/api/v1/certificates/{id}/revoke", new { reason = "again" }, None);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var audit = await platform.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Entity == "Certificate" && e.EntityId == id && e.Action == AuditAction.Revoke).ToListAsync(None));
        var entry = Assert.Single(audit);
        Assert.Contains("overstated", entry.After, StringComparison.Ordinal);
        Assert.Equal(await platform.UserIdAsync(DemoSeeder.AdminEmail), entry.UserId);
    }

    [Fact]
    public async Task The_pdf_is_for_the_owner_and_carries_shaped_malayalam_embedded_fonts_and_the_signed_payload()
    {
        var (owner, id, _) = await OwnerCertificateAsync(0);
        byte[] pdf;
        using (owner)
        {
            var response = await owner.GetAsync($"/certificates/{id}.pdf", None);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            pdf = await response.Content.ReadAsByteArrayAsync(None);
        }

        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        var certificate = await platform.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == id));
        var payload = CertificatePayload.TryParse(certificate.Payload)!;

        // Another enterprise, an analyst and anonymous callers do not get it.
        var otherOrg = await platform.WithDbAsync(db => db.Organisations.Where(o => o.Id != certificate.OrganisationId).Select(o => o.Id).FirstAsync());
        var stranger = $"owner-{Guid.NewGuid():N}@demo.local";
        await platform.CreateUserAsync(stranger, HiTech.Web.Infrastructure.Roles.Enterprise, otherOrg);
        using (var other = await platform.SignInAsync(stranger))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/certificates/{id}.pdf", None)).StatusCode);
        }

        using (var anonymous = platform.Anonymous())
        {
            Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/certificates/{id}.pdf", None)).StatusCode);
        }

        var directory = Directory.CreateTempSubdirectory("hitech-certificate-");
        try
        {
            var file = Path.Combine(directory.FullName, "certificate.pdf");
            await File.WriteAllBytesAsync(file, pdf, None);

            var fonts = Run("pdffonts", file);
            if (fonts is null)
            {
                Assert.Skip("poppler-utils (pdffonts, pdftotext, pdftoppm) is not installed; `apt-get install poppler-utils` to check the PDF's text and rendering.");
            }

            // Every font embedded (the "emb" column), Noto Sans Malayalam among them.
            var fontLines = fonts.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
            Assert.Contains(fontLines, l => l.Contains("NotoSansMalayalam", StringComparison.Ordinal));
            Assert.All(fontLines, l => Assert.Matches(@"\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$", l));

            // The text is there to extract, the Malayalam in Unicode order (correct clusters, not glyph soup).
            var text = Run("pdftotext", "-enc", "UTF-8", file, "-")!;
            Assert.Contains("Certificate of Hi-Tech Classification", text, StringComparison.Ordinal);
            Assert.Contains("ഹൈടെക് വർഗ്ഗീകരണ സർട്ടിഫിക്കറ്റ്", text, StringComparison.Ordinal);
            Assert.Contains(payload.TierTitle.En, text, StringComparison.Ordinal);
            Assert.Contains(payload.TierTitle.Ml!, text, StringComparison.Ordinal);
            Assert.Contains(payload.Organisation, text, StringComparison.Ordinal);
            Assert.Contains(id, text, StringComparison.Ordinal);
            Assert.Contains($"/verify/{id}", text, StringComparison.Ordinal);

            // The signed payload travels in the PDF's keywords and checks as genuine.
            var info = Run("pdfinfo", file)!;
            var keywords = info.Split('\n').First(l => l.StartsWith("Keywords:", StringComparison.Ordinal))["Keywords:".Length..].Trim();
            var embedded = CertificateSheet.FromEmbedded(keywords);
            Assert.NotNull(embedded);
            Assert.Equal(certificate.Payload, embedded.Value.Payload);
            using var anonymous = platform.Anonymous();
            var check = await TestHost.JsonAsync(await anonymous.PostAsJsonAsync("/api/v1/certificates/verify", new { token = keywords }, None));
            Assert.Equal("valid", check.GetProperty("status").GetString());

            // Page 1 renders (the picture a person would see).
            Assert.NotNull(Run("pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", file, Path.Combine(directory.FullName, "page")));
            var png = Directory.GetFiles(directory.FullName, "page*.png").Single();
            Assert.True(new FileInfo(png).Length > 10_000, "The rendered page is suspiciously small.");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Runs a tool and returns what it printed, or null when the tool is not installed.</summary>
    private static string? Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {process.StandardError.ReadToEnd()}");
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
