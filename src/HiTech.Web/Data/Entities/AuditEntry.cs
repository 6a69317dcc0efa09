namespace HiTech.Web.Data.Entities;

/// <summary>Who changed what, when, with the values before and after (JSON).</summary>
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
}
