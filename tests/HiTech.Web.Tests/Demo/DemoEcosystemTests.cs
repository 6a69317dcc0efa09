using HiTech.Core.Collaboration;
using HiTech.Core.Reference;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Frameworks;
using HiTech.Web.Infrastructure.Startup;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Demo;

/// <summary>
/// The demo's collaboration ecosystem: 300 providers shaped like Kerala's, written in the platform's vocabulary, the lab
/// and officer accounts, and introductions and partnerships at every stage; seeded once however often the host starts.
/// </summary>
public sealed class DemoEcosystemTests(TestHost host) : IClassFixture<TestHost>
{
    [Fact]
    public async Task Three_hundred_invented_providers_cover_the_14_districts_with_more_in_the_industrial_ones()
    {
        var providers = await host.WithDbAsync(db => db.Providers.AsNoTracking().ToListAsync());
        Assert.Equal(DemoProviders.Count, providers.Count);
        Assert.All(providers, p => Assert.True(p.IsDemo && p.Name.StartsWith("Demo ", StringComparison.Ordinal), p.Name));
        Assert.Equal(providers.Count, providers.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());

        var byDistrict = providers.GroupBy(p => p.District).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(14, byDistrict.Count);
        var big = new[] { "Ernakulam", "Thiruvananthapuram", "Kozhikode", "Thrissur", "Kottayam" };
        Assert.True(big.Sum(d => byDistrict[d]) > providers.Count / 2, string.Join(", ", byDistrict));
        Assert.Equal("Ernakulam", byDistrict.MaxBy(d => d.Value).Key);

        var byKind = providers.GroupBy(p => p.Kind).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.True(byKind["design-engineering"] > byKind["tic-lab"] && byKind["tic-lab"] > byKind["gcc"], string.Join(", ", byKind));
        Assert.InRange(byKind["professional"], 5, 40);
        Assert.All(providers.Where(p => p.Kind == "professional"), p => Assert.True(p.ConsentAt is not null && p.Availability.Length > 0 && p.YearsAbroad > 0, p.Name));
        Assert.All(providers.Where(p => p.Kind == "tic-lab"), p => Assert.Contains("testing-certification", p.Stages, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_demo_profile_is_written_in_the_platform_vocabulary_and_reads_as_a_matching_profile()
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var framework = await scope.ServiceProvider.GetRequiredService<FrameworkStore>().ActiveAsync(CancellationToken.None);
        var data = CollaborationData.Load(Path.Combine(AppContext.BaseDirectory, "reference-data"), scope.ServiceProvider.GetRequiredService<ReferenceData>(), framework);
        var providers = await host.WithDbAsync(db => db.Providers.AsNoTracking().ToListAsync());
        foreach (var p in providers)
        {
            Assert.True(data.Kinds.IndexOf(p.Kind) >= 0, $"{p.Name}: kind {p.Kind}");
            Assert.True(data.Districts.TryResolve(p.District, out _), $"{p.Name}: district {p.District}");
            Assert.All(Ids(p.NicCodes), c => Assert.True(data.Nic.TryGet(c, out _), $"{p.Name}: NIC {c}"));
            Assert.All(Ids(p.Stages), s => Assert.True(data.Stages.IndexOf(s) >= 0, $"{p.Name}: stage {s}"));
            Assert.All(Ids(p.Certifications), s => Assert.True(data.Certifications.IndexOf(s) >= 0, $"{p.Name}: certification {s}"));
            Assert.All(Ids(p.Technologies), s => Assert.True(data.Technologies.IndexOf(s) >= 0, $"{p.Name}: technology {s}"));
            Assert.NotEmpty(Ids(p.NicCodes));
            Assert.False(string.IsNullOrWhiteSpace(p.ServicesEn) || string.IsNullOrWhiteSpace(p.ServicesMl), p.Name);
        }
    }

    [Fact]
    public async Task Verification_is_spread_with_some_expiring_soon_some_expired_and_some_awaiting_verification()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var providers = await host.WithDbAsync(db => db.Providers.AsNoTracking().ToListAsync());
        var officer = await host.UserIdAsync(DemoSeeder.OfficerEmail);
        var verified = providers.Where(p => p.Status == ProviderStatus.Verified).ToList();
        Assert.All(verified, p => Assert.True(p.VerifiedOn is not null && p.ExpiresOn == p.VerifiedOn.Value.AddMonths(12) && p.VerifiedBy == officer, p.Name));
        Assert.InRange(providers.Count(p => p.Status == ProviderStatus.Submitted), 3, 30);
        Assert.InRange(verified.Count(p => p.ExpiresOn < today), 3, 30);
        Assert.InRange(verified.Count(p => p.ExpiresOn >= today && p.ExpiresOn <= today.AddDays(30)), 3, 40);
        Assert.True(verified.Count(p => p.ExpiresOn > today.AddDays(30)) > 200);
    }

    [Fact]
    public async Task The_lab_and_officer_accounts_exist_and_the_lab_has_requests_waiting_and_enough_history_for_its_figures()
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var lab = await users.FindByEmailAsync(DemoSeeder.LabEmail);
        Assert.NotNull(lab);
        Assert.Equal(DemoProviders.LabId, lab.ProviderId);
        Assert.True(await users.IsInRoleAsync(lab, Roles.Provider));
        Assert.True(await users.CheckPasswordAsync(lab, TestHost.Password));
        var officer = await users.FindByEmailAsync(DemoSeeder.OfficerEmail);
        Assert.NotNull(officer);
        Assert.True(await users.IsInRoleAsync(officer, Roles.PartnershipsOfficer));

        var provider = await host.WithDbAsync(db => db.Providers.AsNoTracking().Include(p => p.Equipment).SingleAsync(p => p.Id == DemoProviders.LabId));
        Assert.Equal(("tic-lab", "Kottayam", ProviderStatus.Verified), (provider.Kind, provider.District, provider.Status));
        Assert.Contains("nabl", provider.Certifications, StringComparison.Ordinal);
        Assert.Contains("rubber", provider.ServicesEn, StringComparison.Ordinal);
        Assert.NotEmpty(provider.Equipment);

        var requests = await host.WithDbAsync(db => db.Introductions.AsNoTracking().Where(i => i.ProviderId == DemoProviders.LabId).ToListAsync());
        Assert.True(requests.Count >= 5, "the lab's responsiveness figures show from 5 requests");
        Assert.Equal(2, requests.Count(i => i.Status == IntroductionStatus.Sent));
        Assert.Contains(requests, i => i.Status == IntroductionStatus.Sent && i.DueAt < DateTimeOffset.UtcNow && i.RemindedAt is not null);
    }

    [Fact]
    public async Task Introductions_and_partnerships_are_at_every_stage()
    {
        var introductions = await host.WithDbAsync(db => db.Introductions.AsNoTracking().ToListAsync());
        Assert.Subset(introductions.Select(i => i.Status).ToHashSet(), new HashSet<IntroductionStatus> { IntroductionStatus.Sent, IntroductionStatus.Accepted, IntroductionStatus.Declined, IntroductionStatus.Expired });
        Assert.Contains(introductions, i => i.Status == IntroductionStatus.Declined && i.DeclineReason.Length > 0);
        Assert.Contains(introductions, i => i.Status == IntroductionStatus.Sent && i.EscalatedAt is not null);
        var accepted = introductions.Where(i => i.Status == IntroductionStatus.Accepted).Select(i => i.Id).ToList();
        Assert.True(await host.WithDbAsync(db => db.IntroductionMessages.CountAsync(m => accepted.Contains(m.IntroductionId))) >= 3);

        // Every introduction's need belongs to its organisation, and was posted by an account of it.
        var needs = await host.WithDbAsync(db => db.Needs.AsNoTracking().ToDictionaryAsync(n => n.Id));
        var posters = await host.WithDbAsync(db => db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.OrganisationId));
        Assert.All(introductions, i => Assert.Equal(needs[i.NeedId].OrganisationId, i.OrganisationId));
        Assert.All(needs.Values, n => Assert.Equal(n.OrganisationId, posters[n.PostedBy]));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var partnerships = await host.WithDbAsync(db => db.Partnerships.AsNoTracking().ToListAsync());
        var followUps = await host.WithDbAsync(db => db.PartnershipFollowUps.AsNoTracking().ToListAsync());
        var active = Assert.Single(partnerships, p => p.Status == PartnershipStatus.Active);
        Assert.Equal(2, followUps.Count(f => f.PartnershipId == active.Id && f.Day == 30 && f.AnsweredAt is null && f.DueOn <= today));
        var completed = Assert.Single(partnerships, p => p.Status == PartnershipStatus.Completed);
        Assert.True(completed.EndedOn is not null && completed.OutcomeNote.Length > 0);
        Assert.Equal(2, await host.WithDbAsync(db => db.PartnershipRatings.CountAsync(r => r.PartnershipId == completed.Id)));
        Assert.All(followUps.Where(f => f.PartnershipId == completed.Id), f => Assert.NotNull(f.AnsweredAt));
    }

    [Fact]
    public async Task Seeding_again_adds_nothing_and_the_same_seed_gives_the_same_providers()
    {
        async Task<(int, int, int, int)> CountsAsync() => await host.WithDbAsync(async db =>
            (await db.Providers.CountAsync(), await db.Needs.CountAsync(), await db.Introductions.CountAsync(), await db.Users.CountAsync()));
        var before = await CountsAsync();
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IDataSeeder>().SeedAsync(CancellationToken.None);
        }

        Assert.Equal(before, await CountsAsync());
        var today = new DateOnly(2026, 12, 7);
        var first = DemoProviders.All(today, null, DateTimeOffset.UnixEpoch).Select(p => (p.Id, p.Name, p.District, p.NicCodes, p.ExpiresOn));
        var second = DemoProviders.All(today, null, DateTimeOffset.UnixEpoch).Select(p => (p.Id, p.Name, p.District, p.NicCodes, p.ExpiresOn));
        Assert.Equal(first, second);
    }

    private static string[] Ids(string list) => list.Split(';', StringSplitOptions.RemoveEmptyEntries);
}
