namespace HiTech.Web.Features.Certificates;

/// <summary>
/// GET /certificates/for-assessment/{assessmentId}: the link the assessment pages use. Redirects to the
/// assessment's certificate PDF, issuing it first if the assessment is approved and has none yet.
/// </summary>
[Authorize(Roles = Roles.Enterprise + "," + Roles.Admin)]
public sealed class ForAssessmentModel(IssueCertificate issue) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        var certificate = await issue.ForAssessmentAsync(assessmentId, CurrentUser.From(User), cancellationToken);
        return certificate is null ? NotFound() : Redirect($"/certificates/{certificate.Id}.pdf");
    }
}
