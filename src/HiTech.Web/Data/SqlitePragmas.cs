using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HiTech.Web.Data;

/// <summary>
/// SQLite settings for a web server: write-ahead logging (readers never wait for a writer), NORMAL
/// synchronisation (durable across application crashes; a power cut may lose the last commits, not corrupt
/// the file), and a busy timeout instead of immediate "database is locked" errors.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
