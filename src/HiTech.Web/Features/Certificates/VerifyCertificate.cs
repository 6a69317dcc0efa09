namespace HiTech.Web.Features.Certificates;

/// <summary>
/// The answer to "is this certificate genuine?": Status is valid, revoked or not-genuine; Reason (for
/// not-genuine) is unknown, tampered, mismatch or unreadable; Id is the id asked about; Payload, what the
/// certificate says, only for valid and revoked ones, with the issue and revocation dates and the check code printed
/// on the certificate (<see cref="CertificateCheckCode"/>).
/// </summary>
public sealed record CertificateCheck(
    string Status, string? Reason, string? Id, CertificatePayload? Payload, DateTimeOffset? IssuedAt, DateTimeOffset? RevokedAt, string? RevokedReason, string? CheckCode = null)
{
    public const string Valid = "valid";
    public const string Revoked = "revoked";
    public const string NotGenuine = "not-genuine";

    /// <summary>No certificate with this id was issued here.</summary>
    public const string Unknown = "unknown";

    /// <summary>The payload does not match its signature.</summary>
    public const string Tampered = "tampered";

    /// <summary>The signature is ours but the payload is not the one on record.</summary>
    public const string Mismatch = "mismatch";

    /// <summary>What was presented is not a certificate payload.</summary>
    public const string Unreadable = "unreadable";

    public static CertificateCheck Fake(string? id, string reason) => new(NotGenuine, reason, id, null, null, null, null);
}

/// <summary>
/// Checks certificates for anyone, signed in or not: by id (the stored payload against its signature, then
/// revocation), or as presented (a payload and signature someone holds, e.g. read from the PDF).
/// </summary>
public sealed class VerifyCertificate(AppDbContext db, StaleReads reads, CertificateSigner signer)
{
    /// <summary>The public check: on the replica when there is one (a certificate a moment old may not be there yet).</summary>
    public Task<CertificateCheck> ByIdAsync(string? typedId, CancellationToken cancellationToken) => ByIdAsync(reads.Db, typedId, cancellationToken);

    /// <summary>The check on the primary, for the answer to a change just made (a revocation): the replica may lag.</summary>
    public Task<CertificateCheck> ByIdAfterOwnWriteAsync(string? typedId, CancellationToken cancellationToken) => ByIdAsync(db, typedId, cancellationToken);

    // The certificate and the public half of the key that signed it, in one round trip to the same server, compiled once
    // (the bulk of the deadline-day mix: bench/RESULTS.md). The key was read apart, on the primary, before. It is not
    // kept on the node: a key row deleted (README, "Rotating the certificate signing key") must stop vouching for its
    // certificates at once, so its row is read with every check anyway, and the key's 32 bytes ride along for nothing.
    // A retired key (Active false) still verifies what it signed; a revocation is on the certificate, read every time.
    // On the replica, a certificate there has its key there too: the key is saved before the first certificate it signs.
    private static readonly Func<AppDbContext, string, CancellationToken, Task<StoredCertificate?>> FindAsync = EF.CompileAsyncQuery(
        (AppDbContext db, string id, CancellationToken cancellationToken) => db.Certificates.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new StoredCertificate(c, db.SigningKeys.Where(k => k.Id == c.KeyId).Select(k => k.PublicKey).FirstOrDefault()))
            .FirstOrDefault());

    private static async Task<CertificateCheck> ByIdAsync(AppDbContext source, string? typedId, CancellationToken cancellationToken)
    {
        var id = CertificateIds.Normalise(typedId);
        var found = id is null ? null : await FindAsync(source, id, cancellationToken);
        if (found is null)
        {
            return CertificateCheck.Fake(id ?? typedId?.Trim(), CertificateCheck.Unknown);
        }

        var (certificate, publicKey) = found;
        var payload = CertificatePayload.TryParse(certificate.Payload);
        if (payload is null || payload.Id != certificate.Id || payload.KeyId != certificate.KeyId
            || publicKey is null || !CertificateSigner.Verify(publicKey, certificate.Payload, certificate.Signature))
        {
            return CertificateCheck.Fake(certificate.Id, CertificateCheck.Tampered);
        }

        return Outcome(certificate, payload);
    }

    public async Task<CertificateCheck> PresentedAsync(string? payloadJson, string? signature, CancellationToken cancellationToken)
    {
        var payload = CertificatePayload.TryParse(payloadJson);
        if (payload is null || string.IsNullOrWhiteSpace(signature))
        {
            return CertificateCheck.Fake(payload?.Id, CertificateCheck.Unreadable);
        }

        if (!await signer.VerifyAsync(payload.KeyId, payloadJson!, signature.Trim(), cancellationToken))
        {
            return CertificateCheck.Fake(payload.Id, CertificateCheck.Tampered);
        }

        var certificate = await reads.Db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == payload.Id, cancellationToken);
        if (certificate is null)
        {
            return CertificateCheck.Fake(payload.Id, CertificateCheck.Unknown);
        }

        if (!string.Equals(certificate.Payload, payloadJson, StringComparison.Ordinal))
        {
            return CertificateCheck.Fake(payload.Id, CertificateCheck.Mismatch);
        }

        // The record itself must still be sound: a stored payload changed behind the platform's back is not vouched for.
        return await ByIdAsync(certificate.Id, cancellationToken);
    }

    private sealed record StoredCertificate(Certificate Certificate, string? PublicKey);

    private static CertificateCheck Outcome(Certificate certificate, CertificatePayload payload) =>
        certificate.RevokedAt is { } revoked
            ? new CertificateCheck(CertificateCheck.Revoked, null, certificate.Id, payload, certificate.IssuedAt, revoked, certificate.RevokedReason, CertificateCheckCode.Of(certificate.Signature))
            : new CertificateCheck(CertificateCheck.Valid, null, certificate.Id, payload, certificate.IssuedAt, null, null, CertificateCheckCode.Of(certificate.Signature));
}
