using System.Text.Json;

namespace HiTech.Web.Features.Certificates;

/// <summary>
/// Issues the certificate of an approved assessment: the final result's certifiable tier (the tier its
/// evidence supports), signed. On approval it is added in the same save as the decision; for assessments
/// approved before certificates existed (the demo's) it is issued on first request.
/// </summary>
public sealed class IssueCertificate(AppDbContext db, CertificateSigner signer, FrameworkStore frameworks, AuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// Adds a signed certificate for <paramref name="final"/> to the context without saving. Call
    /// <see cref="CertificateSigner.ActiveKeyIdAsync"/> for <paramref name="keyId"/> before changing anything
    /// else: making the first key saves.
    /// </summary>
    public async Task<Certificate> AddAsync(string keyId, Assessment assessment, Organisation organisation, AssessmentResult final, CurrentUser by, CancellationToken cancellationToken)
    {
        var framework = await frameworks.GetAsync(final.FrameworkId, final.FrameworkVersion, cancellationToken);
        var tierId = CertifiableTier(final);
        var tier = framework.Tiers.FirstOrDefault(t => t.Id == tierId) ?? framework.Tiers.First(t => t.Id == final.Tier);
        var now = clock.GetUtcNow();
        var payload = new CertificatePayload(
            CertificateIds.New(),
            organisation.Name,
            organisation.UdyamNumber,
            organisation.District,
            assessment.Year,
            tier.Id,
            tier.Definition.Title,
            CertificatePayload.Normalise((decimal)final.Index),
            final.FrameworkId,
            final.FrameworkVersion,
            DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(5.5)).DateTime),
            keyId);
        var json = payload.ToJson();
        var certificate = new Certificate
        {
            Id = payload.Id,
            AssessmentId = assessment.Id,
            OrganisationId = organisation.Id,
            Payload = json,
            Signature = await signer.SignAsync(keyId, json, cancellationToken),
            KeyId = keyId,
            IssuedAt = now,
        };
        db.Certificates.Add(certificate);
        audit.Record(by, "Certificate", certificate.Id, AuditAction.Issue, null, new { certificate.AssessmentId, certificate.OrganisationId, tier = tier.Id, index = payload.Index, certificate.KeyId });
        return certificate;
    }

    /// <summary>
    /// The certificate of an assessment the user may see (owner organisation or admin): the newest one, or a
    /// new one if the assessment is approved with a final result and has none. Null when there is none to give.
    /// </summary>
    public async Task<Certificate?> ForAssessmentAsync(Guid assessmentId, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken);
        if (assessment is null || !(user.IsAdmin || user.OwnsOrganisation(assessment.OrganisationId)))
        {
            return null;
        }

        var existing = (await db.Certificates.AsNoTracking().Where(c => c.AssessmentId == assessmentId).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.IssuedAt).FirstOrDefault();
        if (existing is not null || assessment.Status != AssessmentStatus.Approved)
        {
            return existing;
        }

        var final = (await db.AssessmentResults.AsNoTracking().Where(r => r.AssessmentId == assessmentId && r.IsFinal).ToListAsync(cancellationToken))
            .OrderByDescending(r => r.ComputedAt).FirstOrDefault();
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == assessment.OrganisationId, cancellationToken);
        if (final is null || organisation is null)
        {
            return null;
        }

        var keyId = await signer.ActiveKeyIdAsync(cancellationToken);
        var certificate = await AddAsync(keyId, assessment, organisation, final, user, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return certificate;
    }

    /// <summary>The tier the final result's evidence supports (certification.certifiable_tier), else its scored tier.</summary>
    public static string CertifiableTier(AssessmentResult result)
    {
        try
        {
            using var document = JsonDocument.Parse(result.ExplanationJson);
            if (document.RootElement.TryGetProperty("certification", out var certification)
                && certification.TryGetProperty("certifiable_tier", out var tier)
                && tier.ValueKind == JsonValueKind.String
                && tier.GetString() is { Length: > 0 } id)
            {
                return id;
            }
        }
        catch (JsonException)
        {
        }

        return result.Tier;
    }

    /// <summary>A tier's title in a framework, or the id when the framework does not have it.</summary>
    public static LocalText TierTitle(CompiledFramework framework, string tierId) =>
        framework.Tiers.FirstOrDefault(t => t.Id == tierId)?.Definition.Title ?? new LocalText(tierId);
}
