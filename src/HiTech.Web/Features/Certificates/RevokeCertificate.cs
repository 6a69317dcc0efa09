using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Features.Certificates;

/// <summary>An admin withdraws a certificate, with a reason anyone checking it will see. Audited; cannot be undone.</summary>
public sealed class RevokeCertificate(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public enum Outcome
    {
        Revoked,
        NotFound,
        ReasonMissing,
        ReasonTooLong,
        AlreadyRevoked,
    }

    public const int MaxReason = 1000;

    public async Task<Outcome> RunAsync(string? typedId, string? reason, CurrentUser by, CancellationToken cancellationToken)
    {
        if (!by.IsAdmin)
        {
            return Outcome.NotFound;
        }

        var id = CertificateIds.Normalise(typedId);
        var certificate = id is null ? null : await db.Certificates.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (certificate is null)
        {
            return Outcome.NotFound;
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return Outcome.ReasonMissing;
        }

        if (reason.Length > MaxReason)
        {
            return Outcome.ReasonTooLong;
        }

        if (certificate.RevokedAt is not null)
        {
            return Outcome.AlreadyRevoked;
        }

        certificate.RevokedAt = clock.GetUtcNow();
        certificate.RevokedReason = reason;
        audit.Record(by, "Certificate", certificate.Id, AuditAction.Revoke, new { revoked = false }, new { revoked = true, at = certificate.RevokedAt, reason });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Revoked;
    }
}
