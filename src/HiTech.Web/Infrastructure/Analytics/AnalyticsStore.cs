using System.Globalization;
using DuckDB.NET.Data;

namespace HiTech.Web.Infrastructure.Analytics;

/// <summary>
/// The analytical store: DuckDB snapshot files under <c>Data:Directory/analytics/</c>, each one complete before it is
/// seen. A snapshot is written as <c>facts-&lt;stamp&gt;.duckdb.part</c>, closed, renamed to <c>.duckdb</c> (a rename
/// is atomic) and only then swapped in here; a reader holds the snapshot it opened until it is done, and the old file
/// is deleted once its last reader has gone. At start-up the newest complete file is used, so a node restarts with
/// the figures it had. Only DuckDB's built-in features are used: no extension is ever loaded or downloaded.
/// </summary>
public sealed class AnalyticsStore : IDisposable
{
    public const string FileExtension = ".duckdb";
    public const string PartExtension = ".duckdb.part";

    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger<AnalyticsStore> _logger;
    private Snapshot? _current;
    private bool _disposed;

    public AnalyticsStore(PlatformOptions options, ILogger<AnalyticsStore> logger)
    {
        _logger = logger;
        Directory = Path.Combine(options.DataDirectory, "analytics");
        System.IO.Directory.CreateDirectory(Directory);
        RemoveUnfinished();
        if (NewestComplete() is { } newest)
        {
            try
            {
                Install(newest);
            }
            catch (DuckDBException e)
            {
                _logger.LogWarning(e, "The analytics snapshot {File} could not be opened; it will be rebuilt", newest);
            }
        }
    }

    /// <summary>Where the snapshot files live.</summary>
    public string Directory { get; }

    /// <summary>When the data of the current snapshot was read from the platform's database; null before the first.</summary>
    public DateTimeOffset? AsOf
    {
        get
        {
            lock (_lock)
            {
                return _current?.AsOf;
            }
        }
    }

    /// <summary>The file of the current snapshot, or null before the first.</summary>
    public string? CurrentFile
    {
        get
        {
            lock (_lock)
            {
                return _current?.File;
            }
        }
    }

    /// <summary>A new file to write a snapshot into; hand it to <see cref="Publish"/> when it is complete and closed.</summary>
    public string NewPartFile(DateTimeOffset asOf) =>
        Path.Combine(Directory, $"facts-{asOf.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}{PartExtension}");

    /// <summary>
    /// Makes a finished, closed part file the current snapshot: renames it to its final name and swaps it in. Readers
    /// of the previous snapshot keep it until they are done.
    /// </summary>
    public void Publish(string partFile)
    {
        if (!partFile.EndsWith(PartExtension, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Not a snapshot part file: {partFile}", nameof(partFile));
        }

        var complete = partFile[..^PartExtension.Length] + FileExtension;
        File.Move(partFile, complete);
        Install(complete);
    }

    /// <summary>
    /// Waits until a first snapshot is in use (a node that has just started is building it), at most
    /// <paramref name="timeout"/>; true when there is one.
    /// </summary>
    public async Task<bool> WaitForFirstAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _first.Task.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// A connection to the current snapshot, or null when there is none yet. Dispose it when done: the snapshot it
    /// reads stays whole and in place until then, whatever is published meanwhile.
    /// </summary>
    public AnalyticsReader? OpenReader()
    {
        lock (_lock)
        {
            if (_current is not { } snapshot)
            {
                return null;
            }

            snapshot.Readers++;
            DuckDBConnection connection;
            try
            {
                // The same file and settings as the root connection, which keeps the database open: opening is cheap.
                connection = new DuckDBConnection(snapshot.Root.ConnectionString);
                connection.Open();
            }
            catch
            {
                snapshot.Readers--;
                throw;
            }

            return new AnalyticsReader(connection, snapshot.AsOf, snapshot.File, () => Release(snapshot));
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            if (_current is { } snapshot)
            {
                snapshot.Retired = true;
                CloseIfUnused(snapshot);
                _current = null;
            }
        }
    }

    private void Install(string file)
    {
        // Read-only: nothing on the request path can change a published snapshot.
        var root = new DuckDBConnection($"Data Source={file};ACCESS_MODE=READ_ONLY");
        root.Open();
        DateTimeOffset asOf;
        try
        {
            using var command = root.CreateCommand();
            command.CommandText = "SELECT as_of FROM snapshot_info";
            asOf = new DateTimeOffset(DateTime.SpecifyKind((DateTime)command.ExecuteScalar()!, DateTimeKind.Utc));
        }
        catch
        {
            root.Dispose();
            throw;
        }

        lock (_lock)
        {
            if (_disposed)
            {
                root.Dispose();
                return;
            }

            var previous = _current;
            _current = new Snapshot(file, asOf, root);
            _first.TrySetResult();
            if (previous is not null)
            {
                previous.Retired = true;
                CloseIfUnused(previous);
            }
        }

        _logger.LogInformation("Analytics snapshot of {AsOf:O} in use: {File}", asOf, file);
    }

    private void Release(Snapshot snapshot)
    {
        lock (_lock)
        {
            snapshot.Readers--;
            CloseIfUnused(snapshot);
        }
    }

    private void CloseIfUnused(Snapshot snapshot)
    {
        if (!snapshot.Retired || snapshot.Readers > 0)
        {
            return;
        }

        snapshot.Root.Dispose();
        if (_disposed)
        {
            return;
        }

        try
        {
            File.Delete(snapshot.File);
            File.Delete(snapshot.File + ".wal");
        }
        catch (IOException e)
        {
            _logger.LogWarning(e, "An old analytics snapshot could not be deleted: {File}", snapshot.File);
        }
    }

    private string? NewestComplete() =>
        System.IO.Directory.EnumerateFiles(Directory, "facts-*" + FileExtension)
            .Where(f => f.EndsWith(FileExtension, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .LastOrDefault();

    /// <summary>A part file left by a stopped process is never used; older complete ones are superseded.</summary>
    private void RemoveUnfinished()
    {
        var newest = NewestComplete();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "facts-*"))
        {
            if (file != newest && !string.Equals(file, newest + ".wal", StringComparison.Ordinal))
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException e)
                {
                    _logger.LogWarning(e, "A stale analytics file could not be deleted: {File}", file);
                }
            }
        }
    }

    private sealed class Snapshot(string file, DateTimeOffset asOf, DuckDBConnection root)
    {
        public string File { get; } = file;

        public DateTimeOffset AsOf { get; } = asOf;

        public DuckDBConnection Root { get; } = root;

        public int Readers { get; set; }

        public bool Retired { get; set; }
    }
}

/// <summary>An open connection to one snapshot, and its "data as of" stamp. Dispose it to let the snapshot go.</summary>
public sealed class AnalyticsReader(DuckDBConnection connection, DateTimeOffset asOf, string file, Action release) : IDisposable
{
    private Action? _release = release;

    public DuckDBConnection Connection { get; } = connection;

    public DateTimeOffset AsOf { get; } = asOf;

    /// <summary>The snapshot's file: unique to each snapshot (a stamp and a new id), so what is worked out from it may be kept under it.</summary>
    public string File { get; } = file;

    public void Dispose()
    {
        Connection.Dispose();
        Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
