using HiTech.Core.Frameworks;
using HiTech.Web.Data.Entities;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Assessments;

/// <summary>
/// The platform (a <see cref="TestHost"/>) for the assessment tests, with what they seed: draft assessments of the demo
/// owner's organisation made to order, each for a year of its own, so tests never depend on one another.
/// </summary>
public class AssessmentsFixture : TestHost
{
    private int _year = 1970;

    public AssessmentsFixture()
    {
    }

    /// <summary>The same data on a platform configured otherwise (another environment or settings).</summary>
    protected AssessmentsFixture(WebAppFactory factory)
        : base(factory)
    {
    }

    public Task<Guid> OwnerOrganisationAsync() =>
        WithDbAsync(async db => (await db.Users.Where(u => u.Email == DemoSeeder.OwnerEmail).Select(u => u.OrganisationId).SingleAsync())!.Value);

    /// <summary>
    /// A fresh Draft assessment of the demo owner's organisation, for a year no other test uses; filled, it carries
    /// the values of one of the organisation's approved demo assessments (which the engine accepts).
    /// </summary>
    public async Task<Guid> CreateDraftAsync(bool filled = false)
    {
        var organisation = await OwnerOrganisationAsync();
        var year = Interlocked.Increment(ref _year);
        return await WithDbAsync(async db =>
        {
            var framework = await db.FrameworkVersions.AsNoTracking().Where(f => f.Active).Select(f => new { f.FrameworkId, f.Version }).FirstAsync();
            var source = filled
                ? await db.Assessments.AsNoTracking().Where(a => a.OrganisationId == organisation && a.Status == AssessmentStatus.Approved).OrderBy(a => a.Year).Select(a => a.Id).FirstAsync()
                : Guid.Empty;
            var template = await db.AssessmentInputs.AsNoTracking().Where(i => i.AssessmentId == source).ToListAsync();
            var now = DateTimeOffset.UtcNow;
            var assessment = new Assessment
            {
                Id = Guid.NewGuid(),
                OrganisationId = organisation,
                Year = year,
                FrameworkId = framework.FrameworkId,
                FrameworkVersion = framework.Version,
                Status = AssessmentStatus.Draft,
                CreatedAt = now,
                UpdatedAt = now,
                Inputs = [.. template.Select(i => new AssessmentInput { Id = Guid.NewGuid(), InputId = i.InputId, Number = i.Number, Flag = i.Flag, Text = i.Text, Evidence = EvidenceLevel.SelfDeclared })],
            };
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync();
            return assessment.Id;
        });
    }

    /// <summary>Another organisation's assessment (one with a result), which the demo owner must never reach.</summary>
    public async Task<Guid> OtherOrganisationsAssessmentAsync()
    {
        var organisation = await OwnerOrganisationAsync();
        return await WithDbAsync(db => db.Assessments.AsNoTracking()
            .Where(a => a.OrganisationId != organisation && a.Status == AssessmentStatus.Approved)
            .OrderBy(a => a.Id)
            .Select(a => a.Id)
            .FirstAsync());
    }
}
