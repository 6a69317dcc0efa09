using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace HiTech.Web.Data;

/// <summary>
/// The platform's database: identity, organisations, assessments, certificates, audit, Data Protection keys.
/// Provider-neutral; <see cref="SqliteAppDbContext"/> and <see cref="PostgresAppDbContext"/> carry each provider's migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<AssessmentInput> AssessmentInputs => Set<AssessmentInput>();

    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();

    public DbSet<AssessmentResult> AssessmentResults => Set<AssessmentResult>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<FrameworkVersion> FrameworkVersions => Set<FrameworkVersion>();

    public DbSet<WhatIfRun> WhatIfRuns => Set<WhatIfRun>();

    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<ProviderEquipment> ProviderEquipment => Set<ProviderEquipment>();

    public DbSet<Need> Needs => Set<Need>();

    public DbSet<Introduction> Introductions => Set<Introduction>();

    public DbSet<IntroductionMessage> IntroductionMessages => Set<IntroductionMessage>();

    public DbSet<Partnership> Partnerships => Set<Partnership>();

    public DbSet<PartnershipMilestone> PartnershipMilestones => Set<PartnershipMilestone>();

    public DbSet<PartnershipFollowUp> PartnershipFollowUps => Set<PartnershipFollowUp>();

    public DbSet<PartnershipRating> PartnershipRatings => Set<PartnershipRating>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<MaturityAssessment> MaturityAssessments => Set<MaturityAssessment>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<ScheduledJob> ScheduledJobs => Set<ScheduledJob>();

    /// <summary>Bumps <c>Version</c> on every changed entity that has one, so a stale concurrent save fails instead of overwriting.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        if (AuditChain.Unlinked(this).Count > 0)
        {
            throw new InvalidOperationException("Audit entries are chained in SaveChangesAsync; save them with SaveChangesAsync.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>Also links new audit entries into the chain, in one transaction that holds the chain's lock (see <see cref="AuditChain"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        var unlinked = AuditChain.Unlinked(this);
        if (unlinked.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var head = await LockAuditChainAsync(cancellationToken);
            await AuditChain.LinkAsync(this, unlinked, head, cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Makes appends to the audit chain one at a time, until the transaction ends, so two saves cannot both follow the
    /// same entry, and then reads the chain's head. SQLite needs no lock of its own: its transactions begin IMMEDIATE,
    /// holding the one write lock.
    /// </summary>
    private protected virtual Task<AuditChain.Head> LockAuditChainAsync(CancellationToken cancellationToken) => AuditChain.ReadHeadAsync(this, cancellationToken);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.Language).HasMaxLength(8);
            e.HasIndex(u => u.OrganisationId);
        });

        builder.Entity<Organisation>(e =>
        {
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.UdyamNumber).HasMaxLength(19);
            e.Property(o => o.Gstin).HasMaxLength(15);
            e.Property(o => o.District).HasMaxLength(40);
            e.Property(o => o.Address).HasMaxLength(500);
            e.Property(o => o.Version).IsConcurrencyToken();
            e.HasIndex(o => o.UdyamNumber).IsUnique();
            e.HasIndex(o => o.District);
            e.HasMany(o => o.Units).WithOne().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(o => o.Activities).WithOne().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Unit>(e =>
        {
            e.Property(u => u.Name).HasMaxLength(200);
            e.Property(u => u.District).HasMaxLength(40);
            e.Property(u => u.Address).HasMaxLength(500);
            e.Property(u => u.InvestmentInr).HasPrecision(18, 2);
            e.Property(u => u.TurnoverInr).HasPrecision(18, 2);
            e.Property(u => u.SizeClass).HasMaxLength(10);
            e.Property(u => u.Version).IsConcurrencyToken();
        });

        builder.Entity<Activity>(e =>
        {
            e.Property(a => a.Classification).HasMaxLength(16);
            e.Property(a => a.Code).HasMaxLength(8);
            e.Property(a => a.RevenueShare).HasPrecision(9, 6);
            e.Property(a => a.Stages).HasMaxLength(400);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => new { a.OrganisationId, a.Classification, a.Code }).IsUnique();
        });

        builder.Entity<Assessment>(e =>
        {
            e.Property(a => a.FrameworkId).HasMaxLength(64);
            e.Property(a => a.FrameworkVersion).HasMaxLength(32);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.ReviewComments).HasMaxLength(4000);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => new { a.OrganisationId, a.Year, a.FrameworkId }).IsUnique();
            e.HasIndex(a => new { a.Status, a.AssessorId });
            e.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Inputs).WithOne().HasForeignKey(i => i.AssessmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Evidence).WithOne().HasForeignKey(f => f.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AssessmentInput>(e =>
        {
            e.Property(i => i.InputId).HasMaxLength(64);
            e.Property(i => i.Number).HasPrecision(20, 4);
            e.Property(i => i.Text).HasMaxLength(1000);
            e.Property(i => i.Evidence).HasConversion(level => EvidenceLevels.ToId(level), id => EvidenceLevels.Parse(id)).HasMaxLength(20);
            e.Property(i => i.Review).HasConversion<string>().HasMaxLength(16);
            e.Property(i => i.ReviewNote).HasMaxLength(2000);
            e.HasIndex(i => new { i.AssessmentId, i.InputId }).IsUnique();
        });

        builder.Entity<EvidenceFile>(e =>
        {
            e.Property(f => f.InputId).HasMaxLength(64);
            e.Property(f => f.FileName).HasMaxLength(255);
            e.Property(f => f.ContentType).HasMaxLength(40);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.HasIndex(f => new { f.AssessmentId, f.InputId });
        });

        builder.Entity<AssessmentResult>(e =>
        {
            e.Property(r => r.Tier).HasMaxLength(64);
            e.Property(r => r.FrameworkId).HasMaxLength(64);
            e.Property(r => r.FrameworkVersion).HasMaxLength(32);
            e.HasIndex(r => new { r.AssessmentId, r.IsFinal });
            e.HasOne<Assessment>().WithMany().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.Entity).HasMaxLength(64);
            e.Property(a => a.EntityId).HasMaxLength(64);
            e.Property(a => a.Action).HasConversion(a => AuditActions.Id(a), id => AuditActions.Parse(id)).HasMaxLength(64);
            e.HasIndex(a => new { a.Entity, a.EntityId });
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            // No two entries may follow the same one: the chain cannot fork even if a writer skipped the lock.
            e.HasIndex(a => a.PreviousHash).IsUnique();
        });

        builder.Entity<Certificate>(e =>
        {
            e.Property(c => c.Id).HasMaxLength(32);
            e.Property(c => c.Signature).HasMaxLength(128);
            e.Property(c => c.KeyId).HasMaxLength(32);
            e.Property(c => c.RevokedReason).HasMaxLength(1000);
            // At most one certificate in force per assessment, even if two requests race to issue it.
            e.HasIndex(c => c.AssessmentId).IsUnique().HasFilter("\"RevokedAt\" IS NULL");
            e.HasIndex(c => c.OrganisationId);
        });

        builder.Entity<IdempotencyRecord>(e =>
        {
            e.HasKey(r => new { r.UserId, r.Key });
            e.Property(r => r.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
            e.Property(r => r.RequestHash).HasMaxLength(64);
            e.Property(r => r.ContentType).HasMaxLength(200);
            e.Property(r => r.Location).HasMaxLength(400);
            e.HasIndex(r => r.CreatedAtUtc);
        });

        builder.Entity<ScheduledJob>(e =>
        {
            e.HasKey(j => j.Name);
            e.Property(j => j.Name).HasMaxLength(ScheduledJob.MaxNameLength);
            e.Property(j => j.LeaseOwner).HasMaxLength(ScheduledJob.MaxOwnerLength);
            e.Property(j => j.LastError).HasMaxLength(ScheduledJob.MaxErrorLength);
        });

        builder.Entity<SigningKey>(e =>
        {
            e.Property(k => k.Id).HasMaxLength(32);
            e.Property(k => k.PublicKey).HasMaxLength(128);
        });

        builder.Entity<FrameworkVersion>(e =>
        {
            e.Property(f => f.FrameworkId).HasMaxLength(64);
            e.Property(f => f.Version).HasMaxLength(32);
            e.HasIndex(f => new { f.FrameworkId, f.Version }).IsUnique();
            e.HasOne<WhatIfRun>().WithMany().HasForeignKey(f => f.SimulationRunId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<WhatIfRun>(e =>
        {
            e.Property(r => r.ProposalName).HasMaxLength(256);
            e.Property(r => r.ProposalFrameworkId).HasMaxLength(64);
            e.Property(r => r.ProposalVersion).HasMaxLength(32);
            e.Property(r => r.BaselineVersion).HasMaxLength(32);
            e.Property(r => r.Population).HasMaxLength(64);
            e.Property(r => r.RegistryName).HasMaxLength(256);
            e.Property(r => r.RegistryFile).HasMaxLength(64);
            e.Property(r => r.Status).HasMaxLength(16);
            e.HasIndex(r => r.Status);
        });

        builder.Entity<MaturityAssessment>(e =>
        {
            e.Property(m => m.InstrumentId).HasMaxLength(64);
            e.Property(m => m.InstrumentVersion).HasMaxLength(32);
            e.Property(m => m.Band).HasMaxLength(32);
            e.Property(m => m.Version).IsConcurrencyToken();
            e.HasIndex(m => new { m.OrganisationId, m.CreatedAt });
            e.HasIndex(m => m.CompletedAt);
            e.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        CollaborationModel.Configure(builder);
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { } property && property.ClrType == typeof(int))
            {
                var version = entry.Property("Version");
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }
}
