namespace HiTech.Web.Data.Entities;

/// <summary>
/// Who changed what, when, with the values before and after (JSON). Entries form a hash chain (<see cref="Hash"/>
/// over the entry and <see cref="PreviousHash"/>) so that a changed or deleted entry is found by `check-audit`.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? UserId { get; set; }

    public string Entity { get; set; } = "";

    public string EntityId { get; set; } = "";

    public AuditAction Action { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    /// <summary>The <see cref="Hash"/> of the entry before this one (by id), or 64 zeros for the first.</summary>
    public string? PreviousHash { get; set; }

    /// <summary>SHA-256 (hex) of <see cref="PreviousHash"/> and this entry's canonical form; set when it is saved.</summary>
    public string? Hash { get; set; }
}
