using System.Formats.Tar;
using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace HiTech.Web.Infrastructure.Storage;

/// <summary>
/// `dotnet HiTech.Web.dll backup --to FILE` and `restore --from FILE [--force]` for the SQLite deployment: one
/// .tar.gz with a consistent copy of the database (SQLite's online backup, taken while the app keeps writing) and
/// the evidence files. The database is copied first and the evidence after it: an upload's file is written
/// before its record is committed, and only files no record refers to are ever removed, so every document the
/// copied database names is in the archive. Restore is for a stopped app: it refuses to replace an existing
/// database unless told to with --force. PostgreSQL is backed up with its own tools (docs/backup.md).
/// </summary>
public static class SqliteBackup
{
    public const string DatabaseEntry = "hitech.db";

    public const string EvidenceEntry = "evidence/";

    public static async Task<int> BackupAsync(PlatformOptions options, string archive, TextWriter log, CancellationToken cancellationToken)
    {
        if (options.IsPostgres)
        {
            await log.WriteLineAsync("backup: this deployment runs on PostgreSQL; back it up with pg_basebackup and WAL archiving (docs/backup.md).");
            return 2;
        }

        var copy = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(archive))!, $".{Path.GetFileName(archive)}.{Guid.NewGuid():N}.db");
        try
        {
            await using (var source = new SqliteConnection(options.ConnectionString))
            await using (var target = new SqliteConnection(Unpooled(copy)))
            {
                await source.OpenAsync(cancellationToken);
                await target.OpenAsync(cancellationToken);
                source.BackupDatabase(target);
                if (await IntegrityAsync(target, cancellationToken) is { } problem)
                {
                    await log.WriteLineAsync($"backup: the copy failed its integrity check: {problem}");
                    return 1;
                }
            }

            var evidence = Path.Combine(options.DataDirectory, "evidence");
            var partial = archive + ".partial";
            var files = 0;
            await using (var output = File.Create(partial))
            await using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
            {
                await tar.WriteEntryAsync(copy, DatabaseEntry, cancellationToken);
                if (Directory.Exists(evidence))
                {
                    foreach (var file in Directory.EnumerateFiles(evidence, "*", SearchOption.AllDirectories)
                        .Where(f => !Path.GetFileName(f).StartsWith(EvidenceStore.TempPrefix, StringComparison.Ordinal)))
                    {
                        await tar.WriteEntryAsync(file, EvidenceEntry + Path.GetRelativePath(evidence, file).Replace('\\', '/'), cancellationToken);
                        files++;
                    }
                }
            }

            // Renamed only once complete: a FILE that exists is a whole backup.
            File.Move(partial, archive, overwrite: true);
            await log.WriteLineAsync($"backup: wrote {archive}: the database and {files} evidence files.");
            return 0;
        }
        finally
        {
            File.Delete(copy);
        }
    }

    public static async Task<int> RestoreAsync(PlatformOptions options, string archive, bool force, TextWriter log, CancellationToken cancellationToken)
    {
        if (options.IsPostgres)
        {
            await log.WriteLineAsync("restore: this deployment runs on PostgreSQL; restore it with tools/pg-pitr.sh (docs/backup.md).");
            return 2;
        }

        if (!File.Exists(archive))
        {
            await log.WriteLineAsync($"restore: there is no backup at {archive}.");
            return 1;
        }

        var database = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        if (File.Exists(database) && !force)
        {
            await log.WriteLineAsync($"restore: {database} exists. Stop the app, then run restore again with --force to replace it.");
            return 1;
        }

        // Unpacked beside the data first and checked; only then does it replace what is there.
        var staging = Path.Combine(options.DataDirectory, $".restore-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            await TarFile.ExtractToDirectoryAsync(new GZipStream(File.OpenRead(archive), CompressionMode.Decompress), staging, overwriteFiles: false, cancellationToken);
            var restored = Path.Combine(staging, DatabaseEntry);
            await using (var check = new SqliteConnection(Unpooled(restored)))
            {
                await check.OpenAsync(cancellationToken);
                if (await IntegrityAsync(check, cancellationToken) is { } problem)
                {
                    await log.WriteLineAsync($"restore: the backup's database failed its integrity check: {problem}");
                    return 1;
                }
            }

            foreach (var stale in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(stale);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(database))!);
            File.Move(restored, database);
            var evidence = Path.Combine(options.DataDirectory, "evidence");
            var files = 0;
            var unpacked = Path.Combine(staging, "evidence");
            if (Directory.Exists(unpacked))
            {
                foreach (var file in Directory.EnumerateFiles(unpacked, "*", SearchOption.AllDirectories))
                {
                    var target = Path.Combine(evidence, Path.GetRelativePath(unpacked, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Move(file, target, overwrite: true);
                    files++;
                }
            }

            await log.WriteLineAsync($"restore: {database} and {files} evidence files restored from {archive}.");
            return 0;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>The command's value after <paramref name="name"/> (like --to FILE), or null.</summary>
    public static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static string Unpooled(string path) => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    private static async Task<string?> IntegrityAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var result = (string?)await command.ExecuteScalarAsync(cancellationToken);
        return result == "ok" ? null : result;
    }
}
