using HiTech.Web.Data;
using HiTech.Web.Data.Entities;

namespace HiTech.Web.Tests.Security;

/// <summary>
/// Organisation A's side of the collaboration platform for the authorisation matrix: an open need, a verified provider,
/// and an introduction the provider sent on that need (so organisation A is the side that answers it).
/// </summary>
public static class IntroductionTargets
{
    public static readonly Guid NeedA = Guid.Parse("0a1f3c2e-5b44-4d6e-9a7b-1c2d3e4f5a01");
    public static readonly Guid ProviderA = Guid.Parse("0a1f3c2e-5b44-4d6e-9a7b-1c2d3e4f5a02");
    public static readonly Guid IntroductionA = Guid.Parse("0a1f3c2e-5b44-4d6e-9a7b-1c2d3e4f5a03");

    public static async Task SeedAsync(AppDbContext db, Guid organisationA)
    {
        var now = DateTimeOffset.UtcNow;
        db.Needs.Add(new Need { Id = NeedA, OrganisationId = organisationA, HelpKind = "testing-certification", Summary = "Matrix need", PrivateDetails = "Matrix secret", PostedAt = now });
        db.Providers.Add(new Provider
        {
            Id = ProviderA,
            Name = "Matrix lab",
            Kind = "tic-lab",
            Status = ProviderStatus.Verified,
            VerifiedOn = DateOnly.FromDateTime(now.UtcDateTime),
            ExpiresOn = DateOnly.FromDateTime(now.UtcDateTime).AddYears(1),
            CreatedAt = now,
        });
        db.Introductions.Add(new Introduction
        {
            Id = IntroductionA,
            NeedId = NeedA,
            ProviderId = ProviderA,
            OrganisationId = organisationA,
            SentBy = IntroductionSide.Provider,
            SentByUser = Guid.NewGuid(),
            SentAt = now,
            DueAt = now.AddDays(7),
        });
        await db.SaveChangesAsync();
    }
}
