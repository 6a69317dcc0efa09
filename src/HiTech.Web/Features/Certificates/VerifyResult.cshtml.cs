using HiTech.Core.Reference;

namespace HiTech.Web.Features.Certificates;

/// <summary>
/// GET /verify/{id}: the public answer for one certificate, valid, revoked or not genuine, in the reader's language.
/// An id no certificate has answers 404, with the same page saying so in words.
/// </summary>
[AllowAnonymous]
public sealed class VerifyResultModel(VerifyCertificate verify, ReferenceData reference) : PageModel
{
    public CertificateCheck Check { get; private set; } = CertificateCheck.Fake(null, CertificateCheck.Unknown);

    public string? DistrictMl { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Check = await verify.ByIdAsync(id, cancellationToken);
        DistrictMl = Check.Payload is { } p ? reference.Districts.All.FirstOrDefault(d => d.Name == p.District)?.NameMl : null;

        // Checks change (revocation): never cache the answer.
        Response.Headers.CacheControl = "no-store";
        var page = Page();
        if (Check.Reason == CertificateCheck.Unknown)
        {
            page.StatusCode = StatusCodes.Status404NotFound;
        }

        return page;
    }
}
