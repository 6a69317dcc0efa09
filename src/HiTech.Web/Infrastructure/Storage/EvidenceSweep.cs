namespace HiTech.Web.Infrastructure.Storage;

/// <summary>
/// Removes what an interrupted upload or a removed document leaves in the evidence folder (or, with
/// Storage:Evidence=database, in the EvidenceBlobs table): a stored file no EvidenceFiles row refers to, and a
/// half-written temporary file. Only files untouched for longer than
/// <see cref="Grace"/> go, so an upload in progress (written, not yet saved) is never swept; a stored file an
/// upload reuses is touched first (<see cref="EvidenceStore.SaveAsync"/>), and is checked again just before it goes.
/// Runs every six hours on one node (<see cref="EvidenceSweepJob"/>) and as `dotnet HiTech.Web.dll sweep-evidence`.
/// </summary>
public sealed class EvidenceSweep(AppDbContext db, EvidenceStore store, TimeProvider clock, ILogger<EvidenceSweep> logger)
{
    /// <summary>How long a file must be untouched before it may be swept.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromHours(24);

    private const int Batch = 500;

    /// <summary>Sweeps the folder; answers with the names of the files removed.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        if (store.Database is { } database)
        {
            foreach (var blob in await database.SweepAsync(clock.GetUtcNow() - Grace, cancellationToken))
            {
                removed.Add(blob);
                logger.LogInformation("Evidence sweep removed {File} from the database", blob);
            }
        }

        if (!Directory.Exists(store.Directory))
        {
            return removed;
        }

        var before = clock.GetUtcNow().UtcDateTime - Grace;
        var old = new DirectoryInfo(store.Directory).EnumerateFiles()
            .Where(f => f.LastWriteTimeUtc < before)
            .ToList();
        foreach (var temp in old.Where(f => f.Name.StartsWith(EvidenceStore.TempPrefix, StringComparison.Ordinal)))
        {
            Remove(temp, before, removed);
        }

        var stored = old.Where(f => EvidenceStore.IsEvidenceName(f.Name)).ToList();
        foreach (var chunk in stored.Chunk(Batch))
        {
            var names = chunk.Select(f => f.Name).ToList();
            var referenced = (await db.EvidenceFiles.AsNoTracking().Where(e => names.Contains(e.Sha256)).Select(e => e.Sha256).Distinct().ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var file in chunk.Where(f => !referenced.Contains(f.Name)))
            {
                Remove(file, before, removed);
            }
        }

        logger.LogInformation("Evidence sweep: removed {Count} file(s) left without a record for over {Hours} hours: {Files}", removed.Count, Grace.TotalHours, string.Join(", ", removed));
        return removed;
    }

    /// <summary>`sweep-evidence`: a failure is logged, never stops the platform.</summary>
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var sweep = scope.ServiceProvider.GetRequiredService<EvidenceSweep>();
        try
        {
            await sweep.RunAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbUpdateException or InvalidOperationException)
        {
            scope.ServiceProvider.GetRequiredService<ILogger<EvidenceSweep>>().LogWarning(e, "The evidence sweep did not finish; nothing it had not removed yet was touched.");
        }
    }

    /// <summary>Removes the file unless it was touched since it was listed (an upload reusing it).</summary>
    private void Remove(FileInfo file, DateTime before, List<string> removed)
    {
        file.Refresh();
        if (!file.Exists || file.LastWriteTimeUtc >= before)
        {
            return;
        }

        var (name, bytes, written) = (file.Name, file.Length, file.LastWriteTimeUtc);
        file.Delete();
        removed.Add(name);
        logger.LogInformation("Evidence sweep removed {File} ({Bytes} bytes, last written {Written:u})", name, bytes, written);
    }
}
