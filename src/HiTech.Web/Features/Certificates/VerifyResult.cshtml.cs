using HiTech.Core.Reference;

namespace HiTech.Web.Features.Certificates;

/// <summary>GET /verify/{id}: the public answer for one certificate, valid, revoked or not genuine, in the reader's language.</summary>
[AllowAnonymous]
public sealed class VerifyResultModel(VerifyCertificate verify, ReferenceData reference) : PageModel
{
    public CertificateCheck Check { get; private set; } = CertificateCheck.Fake(null, CertificateCheck.Unknown);

    public string? DistrictMl { get; private set; }

    public async Task OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Check = await verify.ByIdAsync(id, cancellationToken);
        DistrictMl = Check.Payload is { } p ? reference.Districts.All.FirstOrDefault(d => d.Name == p.District)?.NameMl : null;

        // Checks change (revocation): never cache the answer.
        Response.Headers.CacheControl = "no-store";
    }
}
