using System.Text.Json;

namespace HiTech.Web.Features.Certificates;

/// <summary>
/// Issues the certificate of an approved assessment: the final result's certifiable tier (the tier its
/// evidence supports), signed. On approval it is added in the same save as the decision; assessments approved
/// without one (the demo's) get theirs from <see cref="IssueMissingAsync"/> at start-up, never from a request.
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
    /// Issues the missing certificate of every approved assessment with a final result and no certificate (approved
    /// before certificates existed, or seeded as approved), each in the name of the assessor who approved it. The demo
    /// seeder runs this at start-up; no request ever issues a certificate. Returns how many were issued.
    /// </summary>
    public async Task<int> IssueMissingAsync(CancellationToken cancellationToken)
    {
        var missing = await db.Assessments.AsNoTracking()
            .Where(a => a.Status == AssessmentStatus.Approved && !db.Certificates.Any(c => c.AssessmentId == a.Id))
            .ToListAsync(cancellationToken);
        if (missing.Count == 0)
        {
            return 0;
        }

        var keyId = await signer.ActiveKeyIdAsync(cancellationToken);
        var issued = 0;
        foreach (var batch in missing.Chunk(100))
        {
            var ids = batch.Select(a => a.Id).ToList();
            var organisationIds = batch.Select(a => a.OrganisationId).Distinct().ToList();
            var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
            var finals = (await db.AssessmentResults.AsNoTracking().Where(r => ids.Contains(r.AssessmentId) && r.IsFinal).ToListAsync(cancellationToken))
                .GroupBy(r => r.AssessmentId)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.ComputedAt).First());
            foreach (var assessment in batch)
            {
                if (finals.TryGetValue(assessment.Id, out var final) && organisations.TryGetValue(assessment.OrganisationId, out var organisation))
                {
                    await AddAsync(keyId, assessment, organisation, final, new CurrentUser(assessment.AssessorId, [Roles.Assessor], null), cancellationToken);
                    issued++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return issued;
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
