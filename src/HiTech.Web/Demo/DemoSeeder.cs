using System.Globalization;
using HiTech.Core.Identifiers;
using HiTech.Core.Maturity;
using HiTech.Core.Reference;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;
using HiTech.Web.Features.Certificates;
using HiTech.Web.Features.Maturity;
using HiTech.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Identity;

namespace HiTech.Web.Demo;

/// <summary>
/// Seeds the demo ecosystem on first start in demo mode: synthetic enterprises across the 14 districts with
/// three years of assessments (the approved ones with their signed certificates), one or two finished digital maturity assessments for most of them (answers generated
/// to match their digital_maturity input, so peer benchmarks have data), 300 ecosystem providers with needs,
/// introductions and partnerships at every stage (<see cref="DemoProviders"/>, <see cref="DemoCollaboration"/>), and the
/// demo accounts. Never runs in production.
/// </summary>
public sealed class DemoSeeder(
    AppDbContext db,
    UserManager<AppUser> users,
    PlatformOptions options,
    FrameworkStore frameworks,
    AssessmentScoring scoring,
    MaturityReference maturity,
    IssueCertificate certificates,
    TimeProvider clock,
    ILogger<DemoSeeder> logger) : IDataSeeder
{
    public const string OwnerEmail = "owner@demo.local";
    public const string AssessorEmail = "assessor@demo.local";
    public const string AnalystEmail = "analyst@demo.local";
    public const string AdminEmail = "admin@demo.local";
    public const string LabEmail = "lab@demo.local";
    public const string OfficerEmail = "officer@demo.local";
    private const ulong Seed = 2025;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var assessor = await EnsureUserAsync(AssessorEmail, "Demo Assessor", Roles.Assessor, null);
        await EnsureUserAsync(AnalystEmail, "Demo Analyst", Roles.Analyst, null);
        await EnsureUserAsync(AdminEmail, "Demo Admin", Roles.Admin, null);
        if (!await db.Organisations.AnyAsync(cancellationToken))
        {
            await SeedEcosystemAsync(assessor.Id, cancellationToken);
        }
        else if (!await db.MaturityAssessments.AnyAsync(cancellationToken))
        {
            // A demo database seeded before the maturity assessment existed.
            await SeedMaturityAsync(cancellationToken);
        }

        // Approved demo assessments carry their certificates, as those approved through the platform do.
        var issued = await certificates.IssueMissingAsync(cancellationToken);
        if (issued > 0)
        {
            logger.LogInformation("Issued {Count} certificates for approved demo assessments", issued);
        }

        // The demo owner runs a Palakkad unit when the demo has one (the issue's example owner), else the first unit.
        var owned = (await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.District, o.UdyamNumber }).ToListAsync(cancellationToken))
            .OrderBy(o => o.District == "Palakkad" ? 0 : 1).ThenBy(o => o.UdyamNumber, StringComparer.Ordinal).Select(o => o.Id).FirstOrDefault();
        var owner = await EnsureUserAsync(OwnerEmail, "Demo Owner", Roles.Enterprise, owned == Guid.Empty ? null : owned);
        await SeedCollaborationAsync(owner, cancellationToken);
    }

    /// <summary>
    /// The 300 demo providers (replacing the ten of earlier demo databases), the officer and lab accounts, and the needs,
    /// introductions and partnerships at every stage: each part only when it is not there yet.
    /// </summary>
    private async Task SeedCollaborationAsync(AppUser owner, CancellationToken cancellationToken)
    {
        var officer = await EnsureUserAsync(OfficerEmail, "Demo Partnerships Officer", Roles.PartnershipsOfficer, null);
        var now = clock.GetUtcNow();
        if (!await db.Providers.AnyAsync(p => p.Id == DemoProviders.LabId && p.Name == DemoProviders.LabName, cancellationToken)
            && !await db.Introductions.AnyAsync(cancellationToken))
        {
            await db.Providers.Where(p => p.IsDemo).ExecuteDeleteAsync(cancellationToken);
            db.Providers.AddRange(DemoProviders.All(DateOnly.FromDateTime(now.UtcDateTime), officer.Id, now));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        var lab = await EnsureUserAsync(LabEmail, "Demo Rubber Testing Lab", Roles.Provider, null, DemoProviders.LabId);
        if (owner.OrganisationId is not { } ownerOrganisation || await db.Needs.AnyAsync(cancellationToken))
        {
            return;
        }

        // Three other enterprises post needs too, each with an account that speaks for it.
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.UdyamNumber).Select(o => new { o.Id, o.District }).Take(4).ToListAsync(cancellationToken);
        var others = new List<DemoCollaboration.Poster>();
        foreach (var organisation in organisations.Where(o => o.Id != ownerOrganisation).Take(3))
        {
            var number = others.Count + 2;
            var user = await EnsureUserAsync($"enterprise{number}@demo.local", $"Demo Enterprise {number}", Roles.Enterprise, organisation.Id);
            others.Add(new DemoCollaboration.Poster(organisation.Id, organisation.District, user.Id));
        }

        if (others.Count == 0)
        {
            return;
        }

        var ownerDistrict = await db.Organisations.Where(o => o.Id == ownerOrganisation).Select(o => o.District).SingleAsync(cancellationToken);
        var providers = await db.Providers.AsNoTracking().Where(p => p.IsDemo).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        DemoCollaboration.Add(db, new DemoCollaboration.Poster(ownerOrganisation, ownerDistrict, owner.Id), others, lab.Id, providers, now);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task<AppUser> EnsureUserAsync(string email, string name, string role, Guid? organisation, Guid? provider = null)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser
            {
                Id = Guid.NewGuid(),
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                OrganisationId = organisation,
                ProviderId = provider,
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, options.DemoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not create demo account {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, role);
        }

        return user;
    }

    private async Task SeedEcosystemAsync(Guid assessorId, CancellationToken cancellationToken)
    {
        var framework = await frameworks.ActiveAsync(cancellationToken);
        var generator = new RegistryGenerator(scoring.Classifier);
        var districts = scoring.Classifier.Reference.Districts.All;
        var msme = scoring.Classifier.Reference.Msme;
        var now = clock.GetUtcNow();

        // The last completed financial year, and the two before it.
        var lastYear = (now.Month >= 4 ? now.Year : now.Year - 1) - 1;
        var years = new[] { lastYear - 2, lastYear - 1, lastYear };
        logger.LogInformation("Seeding the demo ecosystem: {Count} enterprises, financial years {First} to {Last}", options.DemoEnterprises, years[0], years[^1]);

        // The demo owner's enterprise (chosen by the same rule SeedAsync uses) has no assessment for the last
        // year yet, so the demo can start and complete one.
        var ownerIndex = OwnerIndex(generator);

        for (var i = 0; i < options.DemoEnterprises; i++)
        {
            var generated = generator.Generate(i, Seed);
            var districtNumber = 1 + districts.ToList().FindIndex(d => d.Name == generated.District);
            var organisation = new Organisation
            {
                Id = DeterministicGuid(i, 1),
                Name = generated.Name,
                UdyamNumber = $"UDYAM-KL-{districtNumber:00}-{i + 1:0000000}",
                Gstin = MakeGstin(i),
                District = generated.District,
                Address = $"{generated.District}, Kerala",
                CreatedAt = now.AddYears(-3),
            };
            organisation.Units.Add(new Unit
            {
                Id = DeterministicGuid(i, 2),
                Name = "Main unit",
                District = generated.District,
                Address = organisation.Address,
                InvestmentInr = generated.InvestmentPlantMachinery,
                TurnoverInr = generated.Turnover,
                SizeClassAsOf = DateOnly.FromDateTime(now.UtcDateTime),
                SizeClass = MsmeSizes.ToId(msme.Classify(generated.InvestmentPlantMachinery, generated.Turnover, DateOnly.FromDateTime(now.UtcDateTime))),
            });
            var activityIndex = 0;
            foreach (var activity in generated.Activities)
            {
                organisation.Activities.Add(new Activity
                {
                    Id = DeterministicGuid(i, 10 + activityIndex++),
                    Code = activity.Code,
                    RevenueShare = activity.Share ?? 1m / generated.Activities.Length,
                    Stages = AssessmentScoring.JoinCodes(activity.Stages),
                });
            }

            db.Organisations.Add(organisation);
            for (var y = 0; y < (i == ownerIndex ? years.Length - 1 : years.Length); y++)
            {
                AddAssessment(framework, organisation, generated, years[y], y, i, assessorId, now);
            }

            AddMaturity(organisation, generated, i, i == ownerIndex, now);

            if (i % 50 == 49)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The demo owner's enterprise: a Palakkad unit when the demo has one, else the first by Udyam number (as <see cref="SeedAsync"/> picks it).</summary>
    private int OwnerIndex(RegistryGenerator generator)
    {
        var districts = scoring.Classifier.Reference.Districts.All.ToList();
        return Enumerable.Range(0, options.DemoEnterprises)
            .Select(i => (Index: i, District: generator.Generate(i, Seed).District))
            .Select(e => (e.Index, e.District, Udyam: $"UDYAM-KL-{1 + districts.FindIndex(d => d.Name == e.District):00}-{e.Index + 1:0000000}"))
            .OrderBy(e => e.District == "Palakkad" ? 0 : 1)
            .ThenBy(e => e.Udyam, StringComparer.Ordinal)
            .Select(e => e.Index)
            .FirstOrDefault();
    }

    /// <summary>Adds the maturity assessments to a demo database whose enterprises were seeded without them.</summary>
    private async Task SeedMaturityAsync(CancellationToken cancellationToken)
    {
        var generator = new RegistryGenerator(scoring.Classifier);
        var ownerIndex = OwnerIndex(generator);
        var organisations = await db.Organisations.AsNoTracking().Include(o => o.Units).Include(o => o.Activities).AsSplitQuery().ToDictionaryAsync(o => o.Id, cancellationToken);
        var now = clock.GetUtcNow();
        for (var i = 0; i < options.DemoEnterprises; i++)
        {
            if (organisations.TryGetValue(DeterministicGuid(i, 1), out var organisation))
            {
                AddMaturity(organisation, generator.Generate(i, Seed), i, i == ownerIndex, now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// One or two finished maturity assessments for an enterprise that has a digital_maturity figure: T1 about a month
    /// ago matching the latest year's figure, and (for three in four) T0 a year earlier matching the year before's,
    /// sometimes from the short screen alone. The demo owner has only T0, so the demo can take T1 and see progress.
    /// Answers are generated deterministically to score as close to the figure as the questions allow.
    /// </summary>
    private void AddMaturity(Organisation organisation, GeneratedEnterprise generated, int index, bool isOwner, DateTimeOffset now)
    {
        // The demo owner gets a T0 even without a figure (its assessments then have none to contradict).
        if ((generated.DigitalMaturity ?? (isOwner ? 30m : null)) is not { } figure)
        {
            return;
        }

        var instrument = maturity.Instrument;
        var primary = organisation.Activities.OrderByDescending(a => a.RevenueShare).ThenBy(a => a.Code, StringComparer.Ordinal).Select(a => a.Code).FirstOrDefault();
        var size = organisation.Units.Select(u => MsmeSizes.TryParse(u.SizeClass, out var s) ? s : MsmeSize.Micro).DefaultIfEmpty(MsmeSize.Micro).Max();
        var profile = new MaturityProfile(generated.Employees, primary is not null && ReadFirm.IsManufacturing(scoring.Classifier.Reference, primary), size);
        var latest = (int)Math.Round(figure, MidpointRounding.AwayFromZero);
        var earlier = Math.Max(0, latest - 6);
        var points = new List<(int Target, int DaysAgo, bool ScreenOnly)>();
        if (isOwner || index % 4 != 3)
        {
            points.Add((earlier, 400, index % 3 == 0));
        }

        if (!isOwner)
        {
            points.Add((latest, 45, false));
        }

        for (var k = 0; k < points.Count; k++)
        {
            var (target, daysAgo, screenOnly) = points[k];
            var answers = DemoMaturityAnswers.Generate(instrument, profile, target, index * 7 + k, screenOnly);
            var result = MaturityScorer.Score(instrument, profile, answers);
            var entity = new MaturityAssessment
            {
                Id = DeterministicGuid(index, 200 + k),
                OrganisationId = organisation.Id,
                InstrumentId = instrument.Id,
                InstrumentVersion = instrument.Version,
                ProfileJson = MaturityRecords.WriteProfile(profile),
                CreatedAt = now.AddDays(-daysAgo - 3),
                UpdatedAt = now.AddDays(-daysAgo),
                CompletedAt = now.AddDays(-daysAgo),
            };
            MaturityRecords.Store(entity, instrument, profile, answers, result);
            db.MaturityAssessments.Add(entity);
        }
    }

    private void AddAssessment(CompiledFramework framework, Organisation organisation, GeneratedEnterprise generated, int year, int age, int index, Guid assessorId, DateTimeOffset now)
    {
        // Earlier years are the enterprise scaled back: growth of 4-14% a year, digital maturity rising.
        var yearsBack = 2 - age;
        var growth = 1.04m + (index % 11 / 100m);
        var scale = 1m;
        for (var k = 0; k < yearsBack; k++)
        {
            scale /= growth;
        }

        // The latest year: most approved, some waiting for the assessor, a few still drafts.
        var status = age < 2 || index % 10 < 7 ? AssessmentStatus.Approved : index % 10 < 9 ? AssessmentStatus.Submitted : AssessmentStatus.Draft;
        var evidence = status == AssessmentStatus.Approved ? EvidenceLevel.Verified : EvidenceLevel.SelfDeclared;
        var assessment = new Assessment
        {
            Id = DeterministicGuid(index, 100 + age),
            OrganisationId = organisation.Id,
            Year = year,
            FrameworkId = framework.Id,
            FrameworkVersion = framework.Version,
            Status = status,
            AssessorId = status == AssessmentStatus.Draft ? null : assessorId,
            CreatedAt = now.AddDays(-400 * yearsBack - 60),
            UpdatedAt = now.AddDays(-400 * yearsBack - 30),
            SubmittedAt = status == AssessmentStatus.Draft ? null : now.AddDays(-400 * yearsBack - 30),
            DecidedAt = status == AssessmentStatus.Approved ? now.AddDays(-400 * yearsBack - 10) : null,
        };

        var input = generated.ToInput();
        foreach (var (id, value) in input.Inputs)
        {
            var number = value.Number;
            if (number is { } n && id is "turnover" or "value_added" or "rd_spend" or "export_revenue")
            {
                number = Math.Round(n * scale, 0);
            }
            else if (number is { } d && id == "digital_maturity")
            {
                number = Math.Max(0, d - (6 * yearsBack));
            }

            assessment.Inputs.Add(new AssessmentInput
            {
                Id = Guid.NewGuid(),
                InputId = id,
                Number = number,
                Flag = value.Flag,
                Text = value.Choice ?? (value.Codes.IsDefault ? null : AssessmentScoring.JoinCodes(value.Codes)),
                Evidence = evidence,
                Review = status == AssessmentStatus.Approved ? ReviewState.Verified : ReviewState.Pending,
            });
        }

        db.Assessments.Add(assessment);
        if (status == AssessmentStatus.Draft)
        {
            return;
        }

        var (explanation, issues) = scoring.Explain(framework, AssessmentScoring.ToInput(organisation, organisation.Activities, assessment.Inputs, framework));
        if (explanation is null)
        {
            logger.LogWarning("Demo enterprise {Id} year {Year} did not score: {Issues}", organisation.Id, year, string.Join("; ", issues));
            return;
        }

        db.AssessmentResults.Add(new AssessmentResult
        {
            Id = Guid.NewGuid(),
            AssessmentId = assessment.Id,
            IsFinal = status == AssessmentStatus.Approved,
            Index = explanation.Index,
            Tier = explanation.Tier.Id,
            FrameworkId = framework.Id,
            FrameworkVersion = framework.Version,
            ExplanationJson = ExplanationJson.Serialize(explanation),
            ComputedAt = assessment.SubmittedAt ?? now,
        });
    }

    private static string MakeGstin(int index)
    {
        var letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        var pan = string.Concat(
            letters[index % 24], letters[index / 24 % 24], letters[index / 576 % 24], "P", letters[(index * 7) % 24],
            (1000 + (index % 9000)).ToString(CultureInfo.InvariantCulture),
            letters[(index * 13) % 24]);
        var first14 = Gstin.KeralaStateCode + pan + "1Z";
        return first14 + Gstin.CheckCharacter(first14);
    }

    /// <summary>Stable ids so a demo database looks the same every time it is seeded.</summary>
    private static Guid DeterministicGuid(int index, int kind)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, 0x48495445_43480000L + index);
        BitConverter.TryWriteBytes(bytes[8..], (long)kind);
        return new Guid(bytes);
    }
}
