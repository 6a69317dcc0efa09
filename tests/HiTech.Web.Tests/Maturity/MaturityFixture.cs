using HiTech.Core.Frameworks;
using HiTech.Core.Maturity;
using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Features.Maturity;
using HiTech.Web.Infrastructure;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Maturity;

/// <summary>A firm made for one test: its organisation, its owner's e-mail and (when asked for) its Draft assessment.</summary>
public sealed record Firm(Guid OrganisationId, string Email, Guid? AssessmentId);

/// <summary>
/// The platform (a <see cref="TestHost"/>) for the maturity tests, with what they seed: firms made to order (each test
/// its own organisation and owner, so tests never depend on one another) and peers with finished assessments.
/// </summary>
public class MaturityFixture : TestHost
{
    public MaturityReference Reference => Factory.Services.GetRequiredService<MaturityReference>();

    public MaturityInstrument Instrument => Reference.Instrument;

    /// <summary>
    /// A new organisation with one unit (<paramref name="size"/>), one activity (<paramref name="nic"/>), an Enterprise owner,
    /// and (unless <paramref name="draft"/> is false) a Draft assessment under the active framework carrying <paramref name="employees"/>.
    /// </summary>
    public Task<Firm> NewFirmAsync(string nic = "22112", string size = "micro", string district = "Palakkad", int? employees = 9, bool draft = true, string language = "en") =>
        Firms.CreateAsync(Factory.Services, nic, size, district, employees, draft, language);

    public Task<Guid> NewOrganisationAsync(string nic, string size, string district) => Firms.OrganisationAsync(Factory.Services, nic, size, district);

    /// <summary>An assessment of the organisation under the active framework, for a year of its own, with the given numbers.</summary>
    public Task<Guid> NewAssessmentAsync(Guid organisation, AssessmentStatus status, Dictionary<string, decimal> numbers, EvidenceLevel evidence = EvidenceLevel.SelfDeclared, ReviewState review = ReviewState.Pending) =>
        Firms.AssessmentAsync(Factory.Services, organisation, status, numbers, evidence, review);

    /// <summary>Organisations with a finished maturity assessment scoring <paramref name="overall"/> (or as near as the questions allow).</summary>
    public async Task AddPeersAsync(int count, string nic, string size, string district, int overall)
    {
        for (var i = 0; i < count; i++)
        {
            var organisation = await NewOrganisationAsync(nic, size, district);
            await AddFinishedAsync(organisation, overall, DateTimeOffset.UtcNow.AddDays(-10), seed: i);
        }
    }

    /// <summary>A finished maturity assessment of the organisation, answered to score about <paramref name="overall"/>.</summary>
    public async Task<Guid> AddFinishedAsync(Guid organisation, int overall, DateTimeOffset completed, int seed = 0, MaturityProfile? profile = null, bool screenOnly = false)
    {
        profile ??= new MaturityProfile(9, true, HiTech.Core.Reference.MsmeSize.Micro);
        var answers = DemoMaturityAnswers.Generate(Instrument, profile, overall, seed, screenOnly);
        var result = MaturityScorer.Score(Instrument, profile, answers);
        return await WithDbAsync(async db =>
        {
            var size = await db.Units.Where(u => u.OrganisationId == organisation).Select(u => u.SizeClass).FirstAsync();
            var snapshot = profile with { Size = MaturityProfile.TryParseSize(size, out var s) ? s : profile.Size };
            var entity = new MaturityAssessment
            {
                Id = Guid.NewGuid(),
                OrganisationId = organisation,
                InstrumentId = Instrument.Id,
                InstrumentVersion = Instrument.Version,
                ProfileJson = MaturityRecords.WriteProfile(snapshot),
                CreatedAt = completed.AddDays(-1),
                UpdatedAt = completed,
                CompletedAt = completed,
            };
            MaturityRecords.Store(entity, Instrument, snapshot, answers, result);
            db.MaturityAssessments.Add(entity);
            await db.SaveChangesAsync();
            return entity.Id;
        });
    }

    public static string AnalystEmail => DemoSeeder.AnalystEmail;

    public static string AssessorEmail => DemoSeeder.AssessorEmail;
}

/// <summary>Firms made to order in a platform's database: organisation, unit, activity, assessment, Enterprise owner.</summary>
public static class Firms
{
    public const string Password = TestHost.Password;

    private static int _udyam = System.Security.Cryptography.RandomNumberGenerator.GetInt32(1_000_000, 8_000_000);
    private static int _year = 1980;

    /// <summary>
    /// A new organisation with one unit (<paramref name="size"/>), one activity (<paramref name="nic"/>), an Enterprise owner
    /// (password <see cref="Password"/>), and (unless <paramref name="draft"/> is false) a Draft assessment under the active
    /// framework carrying <paramref name="employees"/>.
    /// </summary>
    public static async Task<Firm> CreateAsync(IServiceProvider services, string nic = "22112", string size = "micro", string district = "Palakkad", int? employees = 9, bool draft = true, string language = "en")
    {
        var organisation = await OrganisationAsync(services, nic, size, district);
        Guid? assessment = null;
        if (draft)
        {
            assessment = await AssessmentAsync(services, organisation, AssessmentStatus.Draft, employees is { } e ? new() { ["employees"] = e } : []);
        }

        var email = $"maturity-{Guid.NewGuid():N}@test.local";
        await TestUsers.CreateAsync(services, email, Roles.Enterprise, organisation, language, Password, "Maturity test");
        return new Firm(organisation, email, assessment);
    }

    public static async Task<Guid> OrganisationAsync(IServiceProvider services, string nic, string size, string district)
    {
        var number = Interlocked.Increment(ref _udyam);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = Guid.NewGuid();
        var organisation = new Organisation
        {
            Id = id,
            Name = "Maturity Test Works " + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            UdyamNumber = "UDYAM-KL-09-" + number.ToString("0000000", System.Globalization.CultureInfo.InvariantCulture),
            District = district,
            Address = district + ", Kerala",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        organisation.Units.Add(new Unit { Id = Guid.NewGuid(), Name = "Main unit", District = district, Address = organisation.Address, InvestmentInr = 1_000_000, TurnoverInr = 5_000_000, SizeClass = size, SizeClassAsOf = DateOnly.FromDateTime(DateTime.UtcNow) });
        organisation.Activities.Add(new Activity { Id = Guid.NewGuid(), Code = nic, RevenueShare = 1, Stages = "conventional-manufacturing" });
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return id;
    }

    public static async Task<Guid> AssessmentAsync(IServiceProvider services, Guid organisation, AssessmentStatus status, Dictionary<string, decimal> numbers, EvidenceLevel evidence = EvidenceLevel.SelfDeclared, ReviewState review = ReviewState.Pending)
    {
        var year = Interlocked.Increment(ref _year);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var framework = await db.FrameworkVersions.AsNoTracking().Where(f => f.Active).Select(f => new { f.FrameworkId, f.Version }).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var assessment = new Assessment
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisation,
            Year = year,
            FrameworkId = framework.FrameworkId,
            FrameworkVersion = framework.Version,
            Status = status,
            CreatedAt = now,
            UpdatedAt = now,
            Inputs = [.. numbers.Select(n => new AssessmentInput { Id = Guid.NewGuid(), InputId = n.Key, Number = n.Value, Evidence = evidence, Review = review })],
        };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    }
}
