using System.Text.Json;

namespace HiTech.Web.Infrastructure.Audit;

/// <summary>Records who changed what and when, with before and after as JSON, in the same save as the change.</summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public void Record(CurrentUser user, string entity, string entityId, AuditAction action, object? before, object? after) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = user.Id,
            Entity = entity,
            EntityId = entityId,
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
}
