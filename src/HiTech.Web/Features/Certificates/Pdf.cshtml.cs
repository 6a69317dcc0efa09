namespace HiTech.Web.Features.Certificates;

/// <summary>GET /certificates/{id}.pdf: the certificate as a PDF, for the owner organisation, the approving assessor and admins (others: 404).</summary>
[Authorize(Roles = Roles.Enterprise + "," + Roles.Assessor + "," + Roles.Admin)]
public sealed class PdfModel(CertificateDocument documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var certificate = await documents.FindAsync(id, CurrentUser.From(User), cancellationToken);
        if (certificate is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-cache";
        return File(documents.Render(certificate, documents.VerifyUrl(Request, certificate.Id)), "application/pdf", CertificateDocument.FileName(certificate));
    }
}
