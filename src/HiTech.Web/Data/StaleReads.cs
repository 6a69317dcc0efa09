using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace HiTech.Web.Data;

/// <summary>
/// The context for reads that may be a little behind (public certificate verification, the provider directory): on
/// the streaming replica when ConnectionStrings:ReadReplica is set (PostgreSQL), otherwise the request's own context
/// on the primary. Its sessions are read-only (default_transaction_read_only), so a write through it is refused even
/// if the setting names the primary by mistake. Never for a write, nor for reading what the same request or user has
/// just written (a replica lags): use <see cref="AppDbContext"/> for those.
/// </summary>
public sealed class StaleReads(AppDbContext primary, StaleReads.Replica? replica) : IAsyncDisposable
{
    public const string Setting = "ReadReplica";

    private PostgresAppDbContext? _replica;

    /// <summary>Whether reads go to a replica (false: to the primary).</summary>
    public bool OnReplica => replica is not null;

    public AppDbContext Db => replica is null ? primary : _replica ??= new PostgresAppDbContext(replica.OptionsFor(primary.Model));

    public ValueTask DisposeAsync() => _replica?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>The replica's context options, built once: no change tracking, read-only sessions, the primary's model.</summary>
    public sealed class Replica(string connectionString)
    {
        private DbContextOptions<PostgresAppDbContext>? _options;

        /// <summary>
        /// The options, on the model of the primary's contexts: the same model object, not an equal one built again in
        /// a service provider of the replica's own. A compiled query (EF.CompileAsyncQuery) keeps the model it was
        /// compiled for and compiles again whenever a context brings another, so with two models the certificate check
        /// run on both (the public one on the replica, an admin's after a revocation on the primary) would recompile
        /// at every switch. (The primary's contexts come from one pool on one set of options: one model.)
        /// </summary>
        public DbContextOptions<PostgresAppDbContext> OptionsFor(IModel primaryModel) =>
            LazyInitializer.EnsureInitialized(ref _options, () => new DbContextOptionsBuilder<PostgresAppDbContext>()
                .UseModel(primaryModel)
                .UseNpgsql(ReadOnly(connectionString))
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                .Options);

        /// <summary>The connection string with every transaction read-only (added to any Options it already has).</summary>
        public static string ReadOnly(string connectionString)
        {
            var builder = new NpgsqlConnectionStringBuilder(PostgresConnection.WithDefaults(connectionString));
            builder.Options = $"{builder.Options} -c default_transaction_read_only=on".Trim();
            return builder.ConnectionString;
        }
    }

    /// <summary>Registers StaleReads: on ConnectionStrings:ReadReplica when set (PostgreSQL only), else on the primary.</summary>
    public static void Register(IServiceCollection services, IConfiguration configuration, bool isPostgres)
    {
        var connection = configuration.GetConnectionString(Setting);
        if (!string.IsNullOrWhiteSpace(connection) && !isPostgres)
        {
            throw new InvalidOperationException($"ConnectionStrings:{Setting} is set, but a read replica needs Database:Provider 'postgres'; remove the setting on SQLite.");
        }

        var replica = string.IsNullOrWhiteSpace(connection) ? null : new Replica(connection);
        services.AddScoped(sp => new StaleReads(sp.GetRequiredService<AppDbContext>(), replica));
    }
}
