using HiTech.Core.Reference;

namespace HiTech.Web.Features.Certificates;

/// <summary>
/// A certificate and its PDF for those <see cref="AssessmentPolicy.MayDownloadCertificate"/> lets have it: the owner
/// organisation, the assessor who approved the assessment, and admins. Anyone else gets nothing (404). Only ever
/// finds certificates: they are issued when an assessment is approved, never on a read.
/// </summary>
public sealed class CertificateDocument(AppDbContext db, CertificatePdf pdf, MalayalamText ml, ReferenceData reference, PlatformOptions options)
{
    public async Task<Certificate?> FindAsync(string? typedId, CurrentUser user, CancellationToken cancellationToken)
    {
        var id = CertificateIds.Normalise(typedId);
        var certificate = id is null ? null : await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return certificate is not null && await MayHaveAsync(user, certificate.AssessmentId, cancellationToken) ? certificate : null;
    }

    /// <summary>The newest certificate of an assessment this user may have; null when it has none (or it is not theirs).</summary>
    public async Task<Certificate?> FindForAssessmentAsync(Guid assessmentId, CurrentUser user, CancellationToken cancellationToken)
    {
        if (!await MayHaveAsync(user, assessmentId, cancellationToken))
        {
            return null;
        }

        // Dates are compared in memory: SQLite cannot order by DateTimeOffset, and an assessment has few certificates.
        return (await db.Certificates.AsNoTracking().Where(c => c.AssessmentId == assessmentId).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.IssuedAt).FirstOrDefault();
    }

    private async Task<bool> MayHaveAsync(CurrentUser user, Guid assessmentId, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId)
            .Select(a => new { a.OrganisationId, a.AssessorId }).FirstOrDefaultAsync(cancellationToken);
        return assessment is not null && AssessmentPolicy.MayDownloadCertificate(user, assessment.OrganisationId, assessment.AssessorId);
    }

    /// <summary>The public page that checks a certificate: Certificates:PublicBaseUrl, else the request's own base.</summary>
    public string VerifyUrl(HttpRequest request, string id)
    {
        var baseUrl = string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : options.PublicBaseUrl;
        return $"{baseUrl.TrimEnd('/')}/verify/{id}";
    }

    public byte[] Render(Certificate certificate, string verifyUrl)
    {
        var payload = CertificatePayload.TryParse(certificate.Payload)
            ?? throw new InvalidOperationException($"Certificate {certificate.Id} has an unreadable payload.");
        var districtMl = reference.Districts.All.FirstOrDefault(d => d.Name == payload.District)?.NameMl ?? payload.District;
        return pdf.Render(new CertificateSheet(payload, certificate.Signature, districtMl, verifyUrl, text => ml[text]));
    }

    public static string FileName(Certificate certificate) => $"hitech-certificate-{certificate.Id}.pdf";
}
