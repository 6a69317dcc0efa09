using System.Net;
using System.Net.Http.Headers;
using HiTech.Core.Maturity;
using HiTech.Core.Reference;
using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Features.Assessments;
using HiTech.Web.Features.Maturity;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Storage;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Security;

/// <summary>The eight kinds of caller the authorisation matrix tries every endpoint with.</summary>
public enum Who
{
    Anonymous,

    /// <summary>An Enterprise user of organisation A, the owner of the data under test.</summary>
    OwnEnterprise,

    /// <summary>An Enterprise user of organisation B.</summary>
    OtherEnterprise,

    /// <summary>The assessor assessment A is assigned to.</summary>
    AssignedAssessor,

    /// <summary>An assessor assessment A is not assigned to.</summary>
    OtherAssessor,

    Analyst,
    Admin,

    /// <summary>A Provider account with a draft profile of its own (CollaborationTargets).</summary>
    Provider,
}

/// <summary>
/// The data the security tests aim at: organisation A's unit, activity, approved assessment, evidence and certificate;
/// a staff account; a submitted assessment the assigned assessor is reviewing (its page shows the decision forms); and
/// organisation A's digital maturity assessment in progress (short screen answered, so a deeper module is open).
/// </summary>
public sealed record Targets(
    Guid OrganisationA,
    Guid OrganisationB,
    Guid UnitA,
    Guid ActivityA,
    Guid AssessmentA,
    string InputA,
    Guid InputRowA,
    string GroupA,
    Guid EvidenceA,
    string CertificateA,
    Guid StaffUser,
    Guid OpenReview,
    Guid MaturityA,
    string MaturityModuleA,
    Guid WhatIfRunA,
    Guid NeedA);

/// <summary>
/// One platform shared by the security tests (collection <see cref="SecurityCollection"/>), served by Kestrel on a
/// loopback port so that request limits, headers and cookies are the real server's: a caller of each
/// <see cref="Who"/>, each from its own client address (so the per-address sign-in rate limit never trips
/// the matrix), and organisation A's data to aim at.
/// </summary>
public sealed class SecurityFixture : TestHost
{
    private readonly Dictionary<Who, string> _emails = [];
    private readonly Dictionary<Who, string> _tokens = [];
    private readonly Dictionary<Who, string> _cookies = [];
    private readonly Dictionary<Who, (string Cookie, string Token)> _antiforgery = [];

    public Targets Targets { get; private set; } = null!;

    public static string AddressOf(Who who) => $"10.0.0.{10 + (int)who}";

    public override async ValueTask InitializeAsync()
    {
        if (WebAppFactory.SkipReason is not null)
        {
            return;
        }

        // A real server (Kestrel), so that its limits and headers are the ones tested.
        Factory.StartKestrel();
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // Organisation A: a demo enterprise with an approved assessment (assigned to the demo assessor, as all demo ones are).
        var assessment = await db.Assessments.AsNoTracking().Include(a => a.Inputs)
            .Where(a => a.Status == AssessmentStatus.Approved && a.AssessorId != null)
            .OrderBy(a => a.Id)
            .FirstAsync();
        var organisationA = assessment.OrganisationId;
        var organisationB = await db.Organisations.AsNoTracking().Where(o => o.Id != organisationA).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var unitA = await db.Units.AsNoTracking().Where(u => u.OrganisationId == organisationA).Select(u => u.Id).FirstAsync();
        var activityA = await db.Activities.AsNoTracking().Where(a => a.OrganisationId == organisationA).Select(a => a.Id).FirstAsync();
        var assignedAssessor = await db.Users.AsNoTracking().Where(u => u.Id == assessment.AssessorId).Select(u => u.Email!).SingleAsync();

        await IntroductionTargets.SeedAsync(db, organisationA);
        await PartnershipTargets.SeedAsync(db, organisationA);
        _emails[Who.OwnEnterprise] = await CreateUserAsync(scope.ServiceProvider, "owner-a", Roles.Enterprise, organisationA);
        _emails[Who.OtherEnterprise] = await CreateUserAsync(scope.ServiceProvider, "owner-b", Roles.Enterprise, organisationB);
        _emails[Who.AssignedAssessor] = assignedAssessor;
        _emails[Who.OtherAssessor] = await CreateUserAsync(scope.ServiceProvider, "assessor-2", Roles.Assessor, null);
        _emails[Who.Analyst] = DemoSeeder.AnalystEmail;
        _emails[Who.Admin] = DemoSeeder.AdminEmail;

        // Evidence and a certificate for assessment A, made through the platform's own services.
        var input = assessment.Inputs.OrderBy(i => i.InputId, StringComparer.Ordinal).First();
        var owner = await db.Users.AsNoTracking().Where(u => u.Email == _emails[Who.OwnEnterprise]).Select(u => u.Id).SingleAsync();
        var store = scope.ServiceProvider.GetRequiredService<EvidenceStore>();
        using (var content = new MemoryStream(Pdf("Evidence of organisation A")))
        {
            var (file, refusal) = await store.SaveAsync(content, "accounts-a.pdf", assessment.Id, input.InputId, owner, CancellationToken.None);
            Assert.Null(refusal);
            db.EvidenceFiles.Add(file!);
            await db.SaveChangesAsync();
        }

        var evidence = await db.EvidenceFiles.AsNoTracking().Where(f => f.AssessmentId == assessment.Id).Select(f => f.Id).FirstAsync();
        // Its certificate, issued with the approval (for the demo's approved assessments, by the seeder at start-up).
        var certificate = await db.Certificates.AsNoTracking().Where(c => c.AssessmentId == assessment.Id).Select(c => c.Id).SingleAsync();

        var framework = await scope.ServiceProvider.GetRequiredService<HiTech.Web.Infrastructure.Frameworks.FrameworkStore>()
            .GetAsync(assessment.FrameworkId, assessment.FrameworkVersion, CancellationToken.None);
        var staff = await db.Users.AsNoTracking().Where(u => u.Email == _emails[Who.OtherAssessor]).Select(u => u.Id).SingleAsync();
        var openReview = await db.Assessments.AsNoTracking()
            .Where(a => a.Status == AssessmentStatus.Submitted && a.AssessorId == assessment.AssessorId)
            .OrderBy(a => a.Id)
            .Select(a => a.Id)
            .FirstAsync();
        // A maturity assessment in progress for organisation A, started through the platform's own handler.
        var ownerUser = new CurrentUser(owner, [Roles.Enterprise], organisationA);
        var instrument = scope.ServiceProvider.GetRequiredService<MaturityReference>().Instrument;
        var profile = new MaturityProfile(25, Manufacturing: true, MsmeSize.Small);
        var screen = DemoMaturityAnswers.Generate(instrument, profile, 40, seed: 1, screenOnly: true);
        var started = await scope.ServiceProvider.GetRequiredService<StartMaturity>()
            .ExecuteAsync(ownerUser, organisationA, new ProfileEntry(25, true, MsmeSize.Small), screen, CancellationToken.None);
        Assert.True(started.IsOk);
        var module = MaturityScorer.OpenModules(instrument, profile, screen).First(m => m.Kind != ModuleKind.Screen);
        _emails[Who.Provider] = await CreateUserAsync(scope.ServiceProvider, "provider-p", Roles.Provider, null);
        await CollaborationTargets.SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), _emails[Who.Provider]);

        // A finished what-if run whose proposal is the version in force: an admin's publication of it is refused (the version exists), changing nothing.
        var active = await db.FrameworkVersions.AsNoTracking().SingleAsync(f => f.Active && f.FrameworkId == HiTech.Web.Infrastructure.Frameworks.FrameworkStore.DefaultFrameworkId);
        var whatIf = new WhatIfRun
        {
            Id = Guid.NewGuid(),
            RequestedBy = staff,
            ProposalName = "same.yaml",
            ProposalFrameworkId = active.FrameworkId,
            ProposalVersion = active.Version,
            ProposalYaml = active.Yaml,
            BaselineVersion = active.Version,
            Population = WhatIfPopulations.ApprovedAssessments,
            Year = 2025,
            Status = WhatIfRunStatus.Done,
            Progress = 100,
            CreatedAt = DateTimeOffset.UtcNow,
            FinishedAt = DateTimeOffset.UtcNow,
        };
        db.WhatIfRuns.Add(whatIf);
        // An open need of organisation A (needs and matching).
        var need = new Need
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationA,
            PostedBy = owner,
            HelpKind = "testing-certification",
            NicCode = "22112",
            District = "Kottayam",
            Summary = "Tensile testing of rubber gaskets",
            PostedAt = DateTimeOffset.UtcNow,
        };
        db.Needs.Add(need);
        await db.SaveChangesAsync();

        Targets = new Targets(
            organisationA,
            organisationB,
            unitA,
            activityA,
            assessment.Id,
            input.InputId,
            input.Id,
            InputGroups.Of(framework, input.InputId).Id,
            evidence,
            certificate,
            staff,
            openReview,
            started.Value!.Id,
            module.Id,
            whatIf.Id,
            need.Id);
    }

    public string EmailOf(Who who) => _emails[who];

    /// <summary>A bare request from this caller's address: for the API with its bearer token, for pages with its sign-in cookie.</summary>
    public async Task<HttpResponseMessage> SendAsync(Who who, HttpMethod method, string url, HttpContent? content, bool api, bool withAntiforgery = false, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.ExpectContinue = expectContinue;
        request.Headers.Add(WebAppFactory.ClientAddressHeader, AddressOf(who));
        var cookies = new List<string>();
        if (who != Who.Anonymous)
        {
            if (api)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(who));
            }
            else
            {
                cookies.Add(await CookieAsync(who));
            }
        }

        if (withAntiforgery)
        {
            var (cookie, token) = await AntiforgeryAsync(who);
            cookies.Add(cookie);
            request.Headers.Add("RequestVerificationToken", token);
        }

        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies));
        }

        using var client = Factory.CreateBareClient();
        return await client.SendAsync(request);
    }

    /// <summary>Forgets this caller's cookie, token and antiforgery pair (after they signed out), so the next request signs in anew.</summary>
    public void ForgetSessions(Who who)
    {
        _cookies.Remove(who);
        _tokens.Remove(who);
        _antiforgery.Remove(who);
    }

    /// <summary>The sign-in cookie header value ("name=value") of this caller.</summary>
    public async Task<string> CookieAsync(Who who)
    {
        if (!_cookies.TryGetValue(who, out var cookie))
        {
            var (name, value) = await Factory.AuthCookieAsync(_emails[who]);
            cookie = $"{name}={value}";
            _cookies[who] = cookie;
        }

        return cookie;
    }

    /// <summary>An antiforgery cookie and request token valid for this caller, read from the home page's language form.</summary>
    public async Task<(string Cookie, string Token)> AntiforgeryAsync(Who who)
    {
        if (_antiforgery.TryGetValue(who, out var pair))
        {
            return pair;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add(WebAppFactory.ClientAddressHeader, AddressOf(who));
        if (who != Who.Anonymous)
        {
            request.Headers.Add("Cookie", await CookieAsync(who));
        }

        using var client = Factory.CreateBareClient();
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var token = Browser.Token(html);
        var cookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("hitech.af=", StringComparison.Ordinal));
        pair = (cookie, token);
        _antiforgery[who] = pair;
        return pair;
    }

    private async Task<string> TokenAsync(Who who)
    {
        if (!_tokens.TryGetValue(who, out var token))
        {
            token = await Factory.BearerTokenAsync(_emails[who]);
            _tokens[who] = token;
        }

        return token;
    }

    private static async Task<string> CreateUserAsync(IServiceProvider services, string name, string role, Guid? organisation)
    {
        var email = $"{name}-{Guid.NewGuid():N}@security.test";
        await TestUsers.CreateAsync(services, email, role, organisation, displayName: name);
        return email;
    }
}

/// <summary>The security tests share one platform and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<SecurityFixture>
{
    public const string Name = "Security";
}
