namespace HiTech.Web.Data.Entities;

/// <summary>
/// A certificate for an approved assessment: the canonical result text and its Ed25519 signature. Anyone can
/// check it at /verify/{Id}; an admin can revoke it.
/// </summary>
public sealed class Certificate
{
    /// <summary>Public, unguessable id printed on the certificate and in its QR code.</summary>
    public string Id { get; set; } = "";

    public Guid AssessmentId { get; set; }

    public Guid OrganisationId { get; set; }

    /// <summary>The canonical JSON that was signed (organisation, tier, index, year, framework id and version, issue date).</summary>
    public string Payload { get; set; } = "";

    /// <summary>Ed25519 signature over the UTF-8 payload, base64url.</summary>
    public string Signature { get; set; } = "";

    public string KeyId { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedReason { get; set; }
}
