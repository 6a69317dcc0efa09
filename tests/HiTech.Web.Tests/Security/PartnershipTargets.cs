using HiTech.Web.Data;
using HiTech.Web.Data.Entities;

namespace HiTech.Web.Tests.Security;

/// <summary>
/// Organisation A's partnership for the authorisation matrix: a second need, its introduction accepted, the partnership
/// it became (one milestone), and the 30-day question put to organisation A's side.
/// </summary>
public static class PartnershipTargets
{
    public static readonly Guid NeedA = Guid.Parse("0a1f3c2e-5b44-4d6e-9a7b-1c2d3e4f5b01");
    public static readonly Guid IntroductionA = Guid.Parse("0a1f3c2e-5b44-4d6e-9a7b-1c2d3e4f5b02");
    public static readonly Guid PartnershipA = Guid.Parse("0a1f3c2e-5b44-4d6e-9a7b-1c2d3e4f5b03");
    public static readonly Guid MilestoneA = Guid.Parse("0a1f3c2e-5b44-4d6e-9a7b-1c2d3e4f5b04");
    public static readonly Guid FollowUpA = Guid.Parse("0a1f3c2e-5b44-4d6e-9a7b-1c2d3e4f5b05");

    /// <summary>Seeds after <see cref="IntroductionTargets.SeedAsync"/> (it uses that provider).</summary>
    public static async Task SeedAsync(AppDbContext db, Guid organisationA)
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        db.Needs.Add(new Need { Id = NeedA, OrganisationId = organisationA, HelpKind = "testing-certification", Summary = "Matrix partnership need", PrivateDetails = "Matrix partnership secret", PostedAt = now });
        db.Introductions.Add(new Introduction
        {
            Id = IntroductionA,
            NeedId = NeedA,
            ProviderId = IntroductionTargets.ProviderA,
            OrganisationId = organisationA,
            SentBy = IntroductionSide.Enterprise,
            SentByUser = Guid.NewGuid(),
            SentAt = now.AddDays(-40),
            DueAt = now.AddDays(-33),
            Status = IntroductionStatus.Accepted,
            AnsweredAt = now.AddDays(-38),
        });
        db.Partnerships.Add(new Partnership
        {
            Id = PartnershipA,
            IntroductionId = IntroductionA,
            OrganisationId = organisationA,
            ProviderId = IntroductionTargets.ProviderA,
            Model = "testing-service",
            Scope = "Matrix scope",
            StartOn = today.AddDays(-35),
            CreatedAt = now.AddDays(-36),
            CreatedBy = Guid.NewGuid(),
            Milestones = [new PartnershipMilestone { Id = MilestoneA, Title = "Matrix milestone" }],
        });
        db.PartnershipFollowUps.Add(new PartnershipFollowUp
        {
            Id = FollowUpA,
            PartnershipId = PartnershipA,
            Day = 30,
            Side = IntroductionSide.Enterprise,
            DueOn = today.AddDays(-5),
            AskedAt = now.AddDays(-5),
        });
        await db.SaveChangesAsync();
    }
}
