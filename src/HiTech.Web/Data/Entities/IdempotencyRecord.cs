namespace HiTech.Web.Data.Entities;

/// <summary>
/// The answer given to one API change sent with an <c>Idempotency-Key</c> header, saved in the same transaction as
/// the change itself: a retry with the same key (after a lost answer or a server crash) gets this answer again and
/// changes nothing twice. Keys belong to the user who sent them.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 100;

    public Guid UserId { get; set; }

    public string Key { get; set; } = "";

    /// <summary>SHA-256 of method, path and body: the same key with another request is refused, not replayed.</summary>
    public string RequestHash { get; set; } = "";

    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public byte[] Body { get; set; } = [];

    /// <summary>UTC; a DateTime rather than a DateTimeOffset so that SQLite can compare it when old records are swept.</summary>
    public DateTime CreatedAtUtc { get; set; }
}
