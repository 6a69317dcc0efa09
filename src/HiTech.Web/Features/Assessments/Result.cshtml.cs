using HiTech.Web.Features.Certificates;

namespace HiTech.Web.Features.Assessments;

/// <summary>
/// The result page: the latest result exactly as stored (provisional until an assessor approves), explained by
/// <c>_Explanation.cshtml</c>. The enterprise, an assessor who may see the assessment, and admins can read it; once
/// approved, it links to the certificate for those who may have it (found, never issued here).
/// </summary>
[Authorize]
public sealed class ResultModel(GetResult get, FrameworkStore frameworks, CertificateLinks certificates) : FormPage
{
    public ResultDetail Result { get; private set; } = null!;

    public bool IsOwner { get; private set; }

    /// <summary>The approved assessment's certificate, for those who may download it; else null.</summary>
    public CertificateLink? Certificate { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(Current, id, cancellationToken);
        if (this.Refusal(found) is { } refused)
        {
            return refused;
        }

        if (found.Value is null)
        {
            // Not submitted yet: nothing to show but the assessment.
            return Redirect($"/assessments/{id}");
        }

        Result = found.Value;
        IsOwner = Current.OwnsOrganisation(Result.Assessment.OrganisationId);
        var assessment = Result.Assessment;
        if (assessment.Status == AssessmentStatus.Approved && AssessmentPolicy.MayDownloadCertificate(Current, assessment.OrganisationId, assessment.AssessorId))
        {
            Certificate = (await certificates.ForAssessmentsAsync([assessment.Id], cancellationToken)).GetValueOrDefault(assessment.Id);
        }

        // Compiles (once per node) the version that made the result, so labels read in the user's language.
        var e = Result.Explanation;
        try
        {
            await frameworks.GetAsync(e.FrameworkId, e.FrameworkVersion, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // Not published here: the explanation still renders, with ids for labels.
        }

        return Page();
    }
}
