namespace HiTech.Web.Features.Certificates;

/// <summary>
/// GET /certificates/for-assessment/{assessmentId}: redirects to the assessment's newest certificate PDF, for those
/// who may have it (the owner, the approving assessor, admins). A GET only finds a certificate, never issues one:
/// an assessment without one answers 404.
/// </summary>
[Authorize(Roles = Roles.Enterprise + "," + Roles.Assessor + "," + Roles.Admin)]
public sealed class ForAssessmentModel(CertificateDocument documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        var certificate = await documents.FindForAssessmentAsync(assessmentId, CurrentUser.From(User), cancellationToken);
        return certificate is null ? NotFound() : Redirect(CertificateLink.PdfUrlOf(certificate.Id));
    }
}
