using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Kernel;
using HiTech.Web.Tests.Infrastructure;
using HiTech.Web.Tests.Maturity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Needs;

/// <summary>
/// The platform for the needs and matching tests, with what they seed: firms (Maturity's <see cref="Firms"/>), verified
/// providers made to order, needs and introductions. Every test makes its own, so none depends on another.
/// </summary>
public class NeedsFixture : TestHost
{
    public Task<Firm> NewFirmAsync(string nic = "22112", string district = "Kottayam", string language = "en") =>
        Firms.CreateAsync(Factory.Services, nic, "micro", district, 9, draft: false, language);

    /// <summary>A provider, verified today and valid for a year unless <paramref name="configure"/> says otherwise.</summary>
    public Task<Provider> NewProviderAsync(string name, Action<Provider>? configure = null) =>
        WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var provider = new Provider
            {
                Id = Guid.NewGuid(),
                Name = name,
                Kind = "tic-lab",
                District = "Kottayam",
                NicCodes = "22112",
                Stages = "",
                Status = ProviderStatus.Verified,
                VerifiedOn = today,
                ExpiresOn = today.AddYears(1),
                ServicesEn = "Testing of rubber products",
                CreatedAt = DateTimeOffset.UtcNow,
            };
            configure?.Invoke(provider);
            db.Providers.Add(provider);
            await db.SaveChangesAsync();

            // As the profile pages do after a save: the next match rebuilds the index.
            Factory.Services.GetRequiredService<MatchingIndex>().Invalidate();
            return provider;
        });

    /// <summary>A Provider account answering for the provider.</summary>
    public async Task<string> NewProviderUserAsync(Provider provider)
    {
        var email = $"provider-{Guid.NewGuid():N}@example.in";
        var id = await CreateUserAsync(email, Roles.Provider);
        await WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == id);
            user.ProviderId = provider.Id;
            return await db.SaveChangesAsync();
        });
        return email;
    }

    /// <summary>An open need of the organisation, posted by its owner.</summary>
    public Task<Need> NewNeedAsync(Firm firm, Action<Need>? configure = null) =>
        WithDbAsync(async db =>
        {
            var owner = await db.Users.Where(u => u.Email == firm.Email).Select(u => u.Id).SingleAsync();
            var need = new Need
            {
                Id = Guid.NewGuid(),
                OrganisationId = firm.OrganisationId,
                PostedBy = owner,
                HelpKind = "testing-certification",
                NicCode = "22112",
                District = "Kottayam",
                Summary = "Tensile testing of rubber gaskets",
                PrivateDetails = "Batch 14 failed at 9 MPa",
                PostedAt = DateTimeOffset.UtcNow,
            };
            configure?.Invoke(need);
            db.Needs.Add(need);
            await db.SaveChangesAsync();
            return need;
        });

    /// <summary>A finished maturity assessment of the organisation (its roadmap is what a need may be pre-filled from).</summary>
    public Task<Guid> NewMaturityAsync(Guid organisation) =>
        WithDbAsync(async db =>
        {
            var entity = new MaturityAssessment { Id = Guid.NewGuid(), OrganisationId = organisation, InstrumentId = "dma-kerala", InstrumentVersion = "2025.1", ProfileJson = "{}", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            db.MaturityAssessments.Add(entity);
            await db.SaveChangesAsync();
            return entity.Id;
        });

    /// <summary>An introduction from the need's enterprise to the provider, sent at <paramref name="sentAt"/>.</summary>
    public Task<Introduction> NewIntroductionAsync(Need need, Provider provider, DateTimeOffset sentAt, IntroductionStatus status = IntroductionStatus.Sent, DateTimeOffset? answeredAt = null, IntroductionSide sentBy = IntroductionSide.Enterprise) =>
        WithDbAsync(async db =>
        {
            var introduction = new Introduction
            {
                Id = Guid.NewGuid(),
                NeedId = need.Id,
                ProviderId = provider.Id,
                OrganisationId = need.OrganisationId,
                SentBy = sentBy,
                SentByUser = need.PostedBy,
                Status = status,
                SentAt = sentAt,
                DueAt = sentAt.AddDays(7),
                AnsweredAt = answeredAt,
            };
            db.Introductions.Add(introduction);
            await db.SaveChangesAsync();
            return introduction;
        });
}
