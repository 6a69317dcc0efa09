using HiTech.Core.Reference;

namespace HiTech.Web.Features.Certificates;

/// <summary>A certificate for its owner organisation or an admin, and its PDF. Anyone else gets nothing (404).</summary>
public sealed class CertificateDocument(AppDbContext db, CertificatePdf pdf, MalayalamText ml, ReferenceData reference, PlatformOptions options)
{
    public async Task<Certificate?> FindAsync(string? typedId, CurrentUser user, CancellationToken cancellationToken)
    {
        var id = CertificateIds.Normalise(typedId);
        var certificate = id is null ? null : await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return certificate is not null && (user.IsAdmin || user.OwnsOrganisation(certificate.OrganisationId)) ? certificate : null;
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
