using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace HiTech.Web.Infrastructure.Storage;

/// <summary>
/// Evidence bytes in PostgreSQL (the EvidenceBlobs table, bytea) for a cluster (Storage:Evidence=database): a file
/// uploaded through one node downloads through any other. Written from the checked temporary file and read back as
/// streams, so a 10 MB file is never held whole in memory, on connections of its own (outside the request's
/// DbContext and its transaction, as a file on disk would be): a blob whose record is never saved is swept like an
/// orphan file.
/// </summary>
public sealed class DatabaseEvidence(PlatformOptions options) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(PostgresConnection.WithDefaults(options.ConnectionString));

    /// <summary>Keeps the file under its hash; if that content is kept already, only marks it fresh again.</summary>
    public async Task KeepAsync(string sha256, string path, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using (var touch = new NpgsqlCommand("""UPDATE "EvidenceBlobs" SET "TouchedAt" = @now WHERE "Sha256" = @sha""", connection))
        {
            touch.Parameters.AddWithValue("now", now);
            touch.Parameters.AddWithValue("sha", sha256);
            if (await touch.ExecuteNonQueryAsync(cancellationToken) > 0)
            {
                return;
            }
        }

        await using var content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO "EvidenceBlobs" ("Sha256", "Content", "Size", "TouchedAt") VALUES (@sha, @content, @size, @now)
            ON CONFLICT ("Sha256") DO UPDATE SET "TouchedAt" = EXCLUDED."TouchedAt"
            """,
            connection);
        insert.Parameters.AddWithValue("sha", sha256);
        insert.Parameters.Add(new NpgsqlParameter("content", NpgsqlDbType.Bytea) { Value = content });
        insert.Parameters.AddWithValue("size", content.Length);
        insert.Parameters.AddWithValue("now", now);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The content as a stream read from the server as it is consumed; disposing it returns the connection.</summary>
    public async Task<Stream> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var connection = await _source.OpenConnectionAsync(cancellationToken);
        NpgsqlCommand? command = null;
        NpgsqlDataReader? reader = null;
        try
        {
            command = new NpgsqlCommand("""SELECT "Content" FROM "EvidenceBlobs" WHERE "Sha256" = @sha""", connection);
            command.Parameters.AddWithValue("sha", sha256);
            reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new FileNotFoundException($"No evidence {sha256} in the database.", sha256);
            }

            return new OwningStream(await reader.GetStreamAsync(0, cancellationToken), reader, command, connection);
        }
        catch
        {
            if (reader is not null)
            {
                await reader.DisposeAsync();
            }

            if (command is not null)
            {
                await command.DisposeAsync();
            }

            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Removes blobs no EvidenceFiles row refers to and untouched since <paramref name="before"/>, in one statement; answers their hashes.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var delete = new NpgsqlCommand(
            """
            DELETE FROM "EvidenceBlobs" b
            WHERE b."TouchedAt" < @before AND NOT EXISTS (SELECT 1 FROM "EvidenceFiles" e WHERE e."Sha256" = b."Sha256")
            RETURNING b."Sha256"
            """,
            connection);
        delete.Parameters.AddWithValue("before", before);
        var removed = new List<string>();
        await using var reader = await delete.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            removed.Add(reader.GetString(0));
        }

        return removed;
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    /// <summary>The column's stream, which also owns the reader, command and connection it comes from.</summary>
    private sealed class OwningStream(Stream inner, params IAsyncDisposable[] owned) : Stream
    {
        private bool _disposed;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            if (!_disposed)
            {
                _disposed = true;
                await inner.DisposeAsync();
                foreach (var item in owned)
                {
                    await item.DisposeAsync();
                }
            }

            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed)
            {
                _disposed = true;
                inner.Dispose();
                foreach (var item in owned)
                {
                    ((IDisposable)item).Dispose();
                }
            }

            base.Dispose(disposing);
        }
    }
}
