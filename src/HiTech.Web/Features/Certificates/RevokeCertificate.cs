namespace HiTech.Web.Features.Certificates;

/// <summary>An admin withdraws a certificate, with a reason anyone checking it will see. Audited; cannot be undone.</summary>
public sealed class RevokeCertificate(AppDbContext db, AuditLog audit, IStringLocalizer<CertificatesText> c, IStringLocalizer<SharedResource> t, TimeProvider clock)
{
    public const int MaxReason = 1000;

    public async Task<Outcome<Certificate>> ExecuteAsync(string? typedId, string? reason, CurrentUser by, CancellationToken cancellationToken)
    {
        var id = by.IsAdmin ? CertificateIds.Normalise(typedId) : null;
        var certificate = id is null ? null : await db.Certificates.FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        var text = TextRules.Check(reason, multiline: true);
        reason = text.Value;
        if (certificate is null)
        {
            return NoSuchCertificate<Certificate>(c);
        }

        if (!text.IsOk)
        {
            return Outcome.Invalid<Certificate>("reason", TextWords.Say(text.Problem, t));
        }

        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReason)
        {
            return Outcome.Invalid<Certificate>("reason", string.IsNullOrEmpty(reason) ? c["Give the reason for revoking the certificate"] : c["The reason must be {0} characters or fewer", MaxReason]);
        }

        if (certificate.RevokedAt is not null)
        {
            return Outcome.Conflict<Certificate>(c["This certificate is already revoked."]);
        }

        certificate.RevokedAt = clock.GetUtcNow();
        certificate.RevokedReason = reason;
        audit.Record(by, "Certificate", certificate.Id, AuditAction.Revoke, new { revoked = false }, new { revoked = true, at = certificate.RevokedAt, reason });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(certificate);
    }

    /// <summary>Not there, or not this user's: one answer.</summary>
    public static Outcome<T> NoSuchCertificate<T>(IStringLocalizer<CertificatesText> c) => Outcome.NotFound<T>(c["There is no such certificate."]);
}
