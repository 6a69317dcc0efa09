namespace HiTech.Web.Data.Entities;

/// <summary>A document uploaded in support of one input. The bytes live outside the web root, named by their hash.</summary>
public sealed class EvidenceFile
{
    public Guid Id { get; set; }

    public Guid AssessmentId { get; set; }

    public string InputId { get; set; } = "";

    /// <summary>The name the uploader gave, for display only; never used as a path.</summary>
    public string FileName { get; set; } = "";

    /// <summary>application/pdf, image/png or image/jpeg, decided by the file's content.</summary>
    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    /// <summary>SHA-256 of the content, hex; also the stored file's name.</summary>
    public string Sha256 { get; set; } = "";

    public Guid UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}
