namespace HiTech.Web.Data.Entities;

/// <summary>
/// The bytes of an evidence file kept in PostgreSQL (Storage:Evidence=database) so that every node reaches them, named
/// like a file of the file store by the SHA-256 of its content. Mapped on PostgreSQL only; read and written as streams
/// by <c>DatabaseEvidence</c>, never loaded through EF Core.
/// </summary>
public sealed class EvidenceBlob
{
    public string Sha256 { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public long Size { get; set; }

    /// <summary>Written, or reused by an upload: the orphan sweep leaves a blob touched in the last 24 hours.</summary>
    public DateTimeOffset TouchedAt { get; set; }
}
