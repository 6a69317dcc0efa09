namespace HiTech.Web.Infrastructure.Audit;

/// <summary>
/// `dotnet HiTech.Web.dll check-audit`: walks the audit chain (<see cref="AuditChain"/>) from the first entry and
/// reports the first one that was changed, or that does not follow the one before it (an entry deleted or moved).
/// Exits 0 when the chain is whole, 1 when it is broken. It prints the last entry's hash: keep it outside the
/// database, because someone able to write the database could recompute every hash after the one they changed.
/// </summary>
public sealed class AuditCheck(AppDbContext db)
{
    private const int Batch = 1000;

    /// <summary>The first broken entry, or null (with the count and the last hash) when the chain is whole.</summary>
    public sealed record Result(long Checked, string LastHash, long? BrokenId, string? Problem)
    {
        public bool IsWhole => BrokenId is null;
    }

    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        var previous = AuditChain.Genesis;
        var previousId = 0L;
        var count = 0L;
        while (true)
        {
            var after = previousId;
            var batch = await db.AuditEntries.AsNoTracking().Where(a => a.Id > after).OrderBy(a => a.Id).Take(Batch).ToListAsync(cancellationToken);
            foreach (var entry in batch)
            {
                if (entry.Hash is null || entry.PreviousHash is null)
                {
                    return new Result(count, previous, entry.Id, $"Audit entry {entry.Id} has no hash: it was written around the chain.");
                }

                if (AuditChain.HashOf(entry, entry.PreviousHash) != entry.Hash)
                {
                    return new Result(count, previous, entry.Id, $"Audit entry {entry.Id} ({entry.Entity} {entry.EntityId}, {AuditActions.Id(entry.Action)}) was changed after it was written: its hash does not match.");
                }

                if (entry.PreviousHash != previous)
                {
                    return new Result(count, previous, entry.Id, previousId == 0
                        ? $"Audit entry {entry.Id} is not the first of the chain: the entries before it were deleted."
                        : $"Audit entry {entry.Id} does not follow entry {previousId}: an entry between them was deleted, or one was changed.");
                }

                previous = entry.Hash;
                previousId = entry.Id;
                count++;
            }

            if (batch.Count < Batch)
            {
                return new Result(count, previous, null, null);
            }
        }
    }

    /// <summary>Runs the check and logs its result; answers the process exit code (0 whole, 1 broken).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var check = scope.ServiceProvider.GetRequiredService<AuditCheck>();
        var result = await check.RunAsync(cancellationToken);
        var log = scope.ServiceProvider.GetRequiredService<ILogger<AuditCheck>>();
        if (result.IsWhole)
        {
            log.LogInformation("The audit chain is whole: {Count} entries; the last hash is {Hash}. Keep this hash outside the database.", result.Checked, result.LastHash);
            return 0;
        }

        log.LogError("The audit chain is broken after {Count} good entries. {Problem}", result.Checked, result.Problem);
        return 1;
    }
}
