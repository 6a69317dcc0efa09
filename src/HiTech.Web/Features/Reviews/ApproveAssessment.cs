using HiTech.Core.Scoring;
using HiTech.Web.Features.Certificates;

namespace HiTech.Web.Features.Reviews;

/// <summary>
/// Approves a submitted assessment: recomputes the result with the reviewed inputs under the assessment's own
/// framework version, stores it as the FINAL result, and issues the signed certificate, all in one save.
/// </summary>
public sealed class ApproveAssessment(
    AppDbContext db,
    ReviewChanges changes,
    FrameworkStore frameworks,
    AssessmentScoring scoring,
    CertificateSigner signer,
    IssueCertificate certificates,
    AuditLog audit,
    IStringLocalizer<ReviewsText> r,
    TimeProvider clock,
    Infrastructure.Analytics.SnapshotRefresh analytics)
{
    public async Task<Outcome<ReviewSaved>> ExecuteAsync(Guid assessmentId, int? version, string? comments, CurrentUser user, CancellationToken cancellationToken)
    {
        // The signing key first: making it (once, ever) is a save of its own, before anything else changes.
        var keyId = await signer.ActiveKeyIdAsync(cancellationToken);
        var open = await changes.OpenDecisionAsync(assessmentId, version, AssessmentMove.Approve, comments, user, cancellationToken);
        if (!open.IsOk)
        {
            return open.As<ReviewSaved>();
        }

        var (assessment, said) = open.Value;
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Activities).FirstAsync(o => o.Id == assessment.OrganisationId, cancellationToken);
        var framework = await frameworks.GetAsync(assessment.FrameworkId, assessment.FrameworkVersion, cancellationToken);
        var (explanation, issues) = scoring.Explain(framework, AssessmentScoring.ToInput(organisation, organisation.Activities, assessment.Inputs, framework));
        if (explanation is null)
        {
            return Outcome.Invalid<ReviewSaved>(
                "inputs",
                r["With the inputs as reviewed the assessment cannot be scored: {0}. Adjust the inputs or return it to the enterprise.", string.Join("; ", issues.Select(i => $"{i.Field} {i.Reason}"))]);
        }

        var now = clock.GetUtcNow();
        var before = new { status = assessment.Status.ToString(), assessor = assessment.AssessorId, version = assessment.Version };
        assessment.Apply(AssessmentMove.Approve, user.RequiredId, now);
        assessment.ReviewComments = said;
        var final = new AssessmentResult
        {
            Id = Guid.NewGuid(),
            AssessmentId = assessment.Id,
            IsFinal = true,
            Index = explanation.Index,
            Tier = explanation.Tier.Id,
            FrameworkId = framework.Id,
            FrameworkVersion = framework.Version,
            ExplanationJson = ExplanationJson.Serialize(explanation),
            ComputedAt = now,
        };
        db.AssessmentResults.Add(final);
        var certificate = await certificates.AddAsync(keyId, assessment, organisation, final, user, cancellationToken);
        audit.Record(user, "Assessment", assessment.Id.ToString(), AuditAction.Approve, before, new
        {
            status = assessment.Status.ToString(),
            assessor = assessment.AssessorId,
            comments = assessment.ReviewComments,
            tier = final.Tier,
            certifiable_tier = explanation.Certification.CertifiableTier,
            index = final.Index,
            certificate = certificate.Id,
        });
        var saved = await changes.SaveAsync(assessment, cancellationToken, certificate.Id);
        if (saved.IsOk)
        {
            // The dashboard's figures follow a little later (one rebuild for approvals close together).
            await analytics.RequestSoonAsync(db, cancellationToken);
        }

        return saved;
    }
}
