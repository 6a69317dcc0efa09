namespace HiTech.Web.Data;

/// <summary>
/// The collaboration platform's tables (providers, needs, introductions, partnerships, notifications, the e-mail
/// outbox), kept apart from <see cref="AppDbContext"/>'s assessment tables so each stays readable. Statuses are stored
/// as their names; lists of ids as ';'-separated text, as Core's matching engine reads them.
/// </summary>
internal static class CollaborationModel
{
    private const int Lists = 2000;

    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<AppUser>(e => e.HasIndex(u => u.ProviderId));

        builder.Entity<Provider>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Kind).HasMaxLength(32);
            e.Property(p => p.District).HasMaxLength(40);
            e.Property(p => p.NicCodes).HasMaxLength(Lists);
            e.Property(p => p.Stages).HasMaxLength(400);
            e.Property(p => p.Certifications).HasMaxLength(Lists);
            e.Property(p => p.Technologies).HasMaxLength(Lists);
            e.Property(p => p.Languages).HasMaxLength(100);
            e.Property(p => p.ServicesEn).HasMaxLength(4000);
            e.Property(p => p.ServicesMl).HasMaxLength(4000);
            e.Property(p => p.Website).HasMaxLength(300);
            e.Property(p => p.ContactEmail).HasMaxLength(256);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.RefusalReason).HasMaxLength(1000);
            e.Property(p => p.Skills).HasMaxLength(Lists);
            e.Property(p => p.Sectors).HasMaxLength(400);
            e.Property(p => p.Availability).HasMaxLength(100);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => new { p.Status, p.ExpiresOn });
            e.HasIndex(p => new { p.Kind, p.District });
            e.HasMany(p => p.Equipment).WithOne().HasForeignKey(q => q.ProviderId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ProviderEquipment>(e =>
        {
            e.Property(q => q.Name).HasMaxLength(200);
            e.Property(q => q.Make).HasMaxLength(200);
            e.Property(q => q.Purpose).HasMaxLength(1000);
            e.Property(q => q.BookingTerms).HasMaxLength(1000);
            e.Property(q => q.FeeBand).HasMaxLength(32);
        });

        builder.Entity<Need>(e =>
        {
            e.Property(n => n.HelpKind).HasMaxLength(32);
            e.Property(n => n.ProviderKinds).HasMaxLength(400);
            e.Property(n => n.NicCode).HasMaxLength(8);
            e.Property(n => n.Stage).HasMaxLength(64);
            e.Property(n => n.Certifications).HasMaxLength(Lists);
            e.Property(n => n.BudgetBand).HasMaxLength(32);
            e.Property(n => n.District).HasMaxLength(40);
            e.Property(n => n.Summary).HasMaxLength(1000);
            e.Property(n => n.PrivateDetails).HasMaxLength(4000);
            e.Property(n => n.Source).HasMaxLength(200);
            e.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(n => n.Version).IsConcurrencyToken();
            e.HasIndex(n => new { n.OrganisationId, n.Status });
            e.HasIndex(n => new { n.Status, n.PostedAt });
            e.HasOne<Organisation>().WithMany().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Introduction>(e =>
        {
            e.Property(i => i.SentBy).HasConversion<string>().HasMaxLength(16);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(i => i.Note).HasMaxLength(2000);
            e.Property(i => i.DeclineReason).HasMaxLength(1000);
            e.Property(i => i.Version).IsConcurrencyToken();
            // One live introduction per need and provider: a second "send" is a conflict, not a duplicate.
            e.HasIndex(i => new { i.NeedId, i.ProviderId }).IsUnique();
            e.HasIndex(i => new { i.ProviderId, i.Status });
            e.HasIndex(i => new { i.OrganisationId, i.Status });
            e.HasIndex(i => new { i.Status, i.DueAt });
            e.HasOne<Need>().WithMany().HasForeignKey(i => i.NeedId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Provider>().WithMany().HasForeignKey(i => i.ProviderId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<IntroductionMessage>(e =>
        {
            e.Property(m => m.Side).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.Body).HasMaxLength(4000);
            e.HasIndex(m => new { m.IntroductionId, m.SentAt });
            e.HasOne<Introduction>().WithMany().HasForeignKey(m => m.IntroductionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Partnership>(e =>
        {
            e.Property(p => p.Model).HasMaxLength(32);
            e.Property(p => p.Scope).HasMaxLength(4000);
            e.Property(p => p.ValueBand).HasMaxLength(32);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.CertificationObtained).HasMaxLength(64);
            e.Property(p => p.OutcomeNote).HasMaxLength(2000);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => p.IntroductionId).IsUnique();
            e.HasIndex(p => new { p.OrganisationId, p.Status });
            e.HasIndex(p => new { p.ProviderId, p.Status });
            e.HasOne<Introduction>().WithMany().HasForeignKey(p => p.IntroductionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Milestones).WithOne().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PartnershipMilestone>(e => e.Property(m => m.Title).HasMaxLength(300));

        builder.Entity<PartnershipFollowUp>(e =>
        {
            e.Property(f => f.Side).HasConversion<string>().HasMaxLength(16);
            e.Property(f => f.Progress).HasMaxLength(16);
            e.Property(f => f.Note).HasMaxLength(2000);
            e.HasIndex(f => new { f.PartnershipId, f.Day, f.Side }).IsUnique();
            e.HasIndex(f => new { f.AnsweredAt, f.DueOn });
            e.HasOne<Partnership>().WithMany().HasForeignKey(f => f.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PartnershipRating>(e =>
        {
            e.HasKey(r => new { r.PartnershipId, r.Side });
            e.Property(r => r.Side).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Notification>(e =>
        {
            e.Property(n => n.Kind).HasMaxLength(64);
            e.Property(n => n.Data).HasMaxLength(4000);
            e.Property(n => n.Link).HasMaxLength(400);
            e.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
        });

        builder.Entity<OutboxMessage>(e =>
        {
            e.Property(m => m.ToEmail).HasMaxLength(256);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.Property(m => m.Body).HasMaxLength(20000);
            e.Property(m => m.LastError).HasMaxLength(2000);
            e.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        });
    }
}
