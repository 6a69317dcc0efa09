using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HiTech.Web.Data;

/// <summary>
/// The audit log's hash chain: each entry's <see cref="AuditEntry.Hash"/> is SHA-256 over the previous entry's hash
/// and the entry's canonical form (time to the microsecond in UTC, user, entity, id, action, before, after), so
/// changing an entry breaks its own hash and deleting one breaks the link of the next. Entries are linked as they
/// are saved, under a lock (<see cref="AppDbContext.SaveChangesAsync(bool, CancellationToken)"/>); `check-audit`
/// walks the chain (<see cref="Infrastructure.Audit.AuditCheck"/>).
/// </summary>
public static class AuditChain
{
    /// <summary>What the first entry follows.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>The hash of <paramref name="entry"/> following <paramref name="previousHash"/>.</summary>
    public static string HashOf(AuditEntry entry, string previousHash)
    {
        string?[] canonical =
        [
            entry.At.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
            entry.UserId?.ToString("D"),
            entry.Entity,
            entry.EntityId,
            AuditActions.Id(entry.Action),
            entry.Before,
            entry.After,
        ];
        var text = previousHash + "\n" + JsonSerializer.Serialize(canonical);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The audit entries this context is about to add, in the order they were added.</summary>
    internal static List<AuditEntry> Unlinked(AppDbContext db) =>
        [.. db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added && e.Entity.Hash is null).Select(e => e.Entity)];

    /// <summary>The last saved entry's hash, read holding the chain's lock: none yet, or one saved before the chain existed (no hash).</summary>
    internal readonly record struct Head(bool Exists, string? Hash);

    /// <summary>Reads the <see cref="Head"/>. Call holding the chain's lock, in the transaction that saves the new entries.</summary>
    internal static async Task<Head> ReadHeadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Select(a => new { a.Hash }).FirstOrDefaultAsync(cancellationToken);
        return new Head(last is not null, last?.Hash);
    }

    /// <summary>
    /// Links <paramref name="added"/> after <paramref name="head"/>, the last saved entry. Call holding the chain's lock,
    /// in the transaction that saves them. Entries written before the chain existed (no hash) are linked first, once.
    /// </summary>
    internal static async Task LinkAsync(AppDbContext db, List<AuditEntry> added, Head head, CancellationToken cancellationToken)
    {
        var previous = !head.Exists ? Genesis : head.Hash ?? await LinkOlderAsync(db, cancellationToken);
        foreach (var entry in added)
        {
            // Stored to the microsecond (PostgreSQL's precision), so the hash checks against what is read back.
            entry.At = new DateTimeOffset(entry.At.UtcTicks - (entry.At.UtcTicks % 10), TimeSpan.Zero);
            entry.PreviousHash = previous;
            entry.Hash = HashOf(entry, previous);
            previous = entry.Hash;
        }
    }

    private static async Task<string> LinkOlderAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var previous = Genesis;
        foreach (var entry in await db.AuditEntries.OrderBy(a => a.Id).ToListAsync(cancellationToken))
        {
            entry.PreviousHash ??= previous;
            entry.Hash ??= HashOf(entry, entry.PreviousHash);
            previous = entry.Hash;
        }

        return previous;
    }
}
