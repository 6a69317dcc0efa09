using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Introductions;

/// <summary>One running platform for the introductions and notifications tests (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class IntroductionsCollection : ICollectionFixture<IntroductionsFixture>
{
    public const string Name = "Introductions";
}

/// <summary>An enterprise with an account and an open need, and a verified provider with an account: both sides of an introduction.</summary>
public sealed record IntroductionParties(Guid OrganisationId, string EnterpriseEmail, Guid NeedId, Guid ProviderId, string ProviderEmail);

/// <summary>The platform (a <see cref="TestHost"/>) with what introductions need, made fresh for each test so none depends on another.</summary>
public sealed class IntroductionsFixture : TestHost
{
    public async Task<IntroductionParties> PartiesAsync(int responseDays = 5, string providerLanguage = "en")
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var organisation = Guid.NewGuid();
        var need = Guid.NewGuid();
        var provider = Guid.NewGuid();
        await WithDbAsync(async db =>
        {
            db.Organisations.Add(new Organisation { Id = organisation, Name = $"Enterprise {tag}", UdyamNumber = $"UDYAM-KL-01-{Random.Shared.Next(1000000, 9999999)}", District = "Ernakulam" });
            db.Needs.Add(new Need { Id = need, OrganisationId = organisation, HelpKind = "testing-certification", Summary = $"EMC testing {tag}", PrivateDetails = $"Secret drawings {tag}", District = "Ernakulam", PostedAt = DateTimeOffset.UtcNow });
            db.Providers.Add(new Provider
            {
                Id = provider,
                Name = $"Lab {tag}",
                Kind = "tic-lab",
                District = "Ernakulam",
                ResponseDays = responseDays,
                Status = ProviderStatus.Verified,
                VerifiedOn = DateOnly.FromDateTime(DateTime.UtcNow),
                ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1),
                CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var enterpriseEmail = $"enterprise-{tag}@test.local";
        await CreateUserAsync(enterpriseEmail, Roles.Enterprise, organisation);
        var providerEmail = $"provider-{tag}@test.local";
        var providerUser = await CreateUserAsync(providerEmail, Roles.Provider, language: providerLanguage);
        await WithDbAsync(db => db.Users.Where(u => u.Id == providerUser).ExecuteUpdateAsync(s => s.SetProperty(u => u.ProviderId, provider)));
        return new IntroductionParties(organisation, enterpriseEmail, need, provider, providerEmail);
    }
}
