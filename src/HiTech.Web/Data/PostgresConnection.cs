using Npgsql;

namespace HiTech.Web.Data;

/// <summary>
/// Defaults for the PostgreSQL connection string that matter at hundreds of requests a second; any of them set in
/// ConnectionStrings:Default wins. Auto-prepare lets the server skip parsing and planning the few statements the hot
/// paths repeat (prepared statements survive a pooled connection's return). The pool's reset (DISCARD ALL) is skipped
/// because the platform never leaves session state on a connection (no SET, no temporary tables, no LISTEN).
/// </summary>
public static class PostgresConnection
{
    public static string WithDefaults(string? connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString ?? "");
        var given = Keys(connectionString ?? "");
        if (!given.Contains("maxautoprepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!given.Contains("autoprepareminusages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        if (!given.Contains("noresetonclose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>The keys the connection string sets, lower case without spaces ("Max Auto Prepare": "maxautoprepare").</summary>
    private static HashSet<string> Keys(string connectionString) =>
        [.. new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())];
}
