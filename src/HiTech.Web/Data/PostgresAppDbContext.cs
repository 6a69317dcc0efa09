using Microsoft.EntityFrameworkCore.Design;

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

    /// <summary>A transaction-scoped advisory lock: concurrent appends (on any node) wait for it until the holder commits.</summary>
    protected override Task LockAuditChainAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditChainLockKey})", cancellationToken);

    /// <summary>The advisory lock's key: any fixed number no other lock of the platform uses ("HTAUDIT" in ASCII).</summary>
    private const long AuditChainLockKey = 0x48544155444954;
}

/// <summary>Lets <c>dotnet ef migrations add X --context PostgresAppDbContext</c> build the model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=hitech_design").Options);
}
