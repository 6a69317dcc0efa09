using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace HiTech.Web.Data;

/// <summary>Production on PostgreSQL (Database:Provider=postgres). Its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Every submission writes a result with its whole explanation (about 15 kB of JSON): lz4 compresses it several
        // times faster than PostgreSQL's default (pglz), for a little less saving.
        builder.Entity<Entities.AssessmentResult>().Property(r => r.ExplanationJson).UseCompressionMethod("lz4");
        SortKeys.MapForPostgres(builder);

        // Evidence kept in the database (Storage:Evidence=database); the file store needs no table.
        builder.Entity<Entities.EvidenceBlob>(b =>
        {
            b.ToTable("EvidenceBlobs");
            b.HasKey(e => e.Sha256);
            b.Property(e => e.Sha256).HasMaxLength(64);
            b.HasIndex(e => e.TouchedAt);
        });
    }

    /// <summary>
    /// A transaction-scoped advisory lock (concurrent appends, on any node, wait for it until the holder commits), and
    /// the chain's head, in one round trip: two statements of one command, run in order, the second with a snapshot of
    /// its own taken after the lock is held (read committed), so it sees the entry the previous holder committed.
    /// Through EF Core's command pipeline, so it is logged, traced and intercepted like any other command.
    /// </summary>
    private protected override async Task<AuditChain.Head> LockAuditChainAsync(CancellationToken cancellationToken)
    {
        var command = this.GetService<IRawSqlCommandBuilder>().Build(LockAndReadHead);
        var parameters = new RelationalCommandParameterObject(
            this.GetService<IRelationalConnection>(), null, null, this, this.GetService<IRelationalCommandDiagnosticsLogger>());
        await using var reader = await command.ExecuteReaderAsync(parameters, cancellationToken);
        if (!await reader.DbDataReader.NextResultAsync(cancellationToken))
        {
            throw new InvalidOperationException("The audit chain's head was not read after its lock.");
        }

        return await reader.ReadAsync(cancellationToken)
            ? new AuditChain.Head(true, await reader.DbDataReader.IsDBNullAsync(0, cancellationToken) ? null : reader.DbDataReader.GetString(0))
            : new AuditChain.Head(false, null);
    }

    private static readonly string LockAndReadHead =
        $"SELECT pg_advisory_xact_lock({AuditChainLockKey}); SELECT \"Hash\" FROM \"AuditEntries\" ORDER BY \"Id\" DESC LIMIT 1";

    /// <summary>The advisory lock's key: any fixed number no other lock of the platform uses ("HTAUDIT" in ASCII).</summary>
    private const long AuditChainLockKey = 0x48544155444954;
}

/// <summary>Lets <c>dotnet ef migrations add X --context PostgresAppDbContext</c> build the model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=hitech_design").Options);
}
