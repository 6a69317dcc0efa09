using HiTech.Core.Frameworks;
using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Reviews;

/// <summary>
/// The platform (a <see cref="TestHost"/>) for the reviews, certificates, admin and analytics tests, with what they
/// seed: Submitted assessments made to order, evidence files, and an enterprise account per organisation.
/// </summary>
public sealed class PlatformFixture : TestHost
{
    private int _year = 1990;

    public static string AssessorEmail => DemoSeeder.AssessorEmail;

    public static string[] StaffRoles => [Roles.Assessor, Roles.Analyst, Roles.Admin];

    /// <summary>An enterprise account of this organisation (the demo owner may own none in a small demo).</summary>
    public async Task<string> OwnerOfAsync(Guid organisationId)
    {
        var email = $"owner-{organisationId:N}@demo.local";
        if (!await WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)))
        {
            await CreateUserAsync(email, Roles.Enterprise, organisationId);
        }

        return email;
    }

    /// <summary>
    /// A fresh Submitted assessment (a copy of a demo one's inputs, for a year of its own), with a provisional
    /// result and an evidence file per first input, assigned to <paramref name="assessor"/> (null: the open queue).
    /// Tests each make their own, so they never depend on one another.
    /// </summary>
    public async Task<Guid> CreateSubmittedAsync(Guid? assessor, Guid? organisationId = null)
    {
        var year = Interlocked.Increment(ref _year);
        return await WithDbAsync(async db =>
        {
            var template = await db.Assessments.AsNoTracking().Include(a => a.Inputs)
                .Where(a => a.Status == AssessmentStatus.Approved && (organisationId == null || a.OrganisationId == organisationId))
                .OrderBy(a => a.Id)
                .FirstAsync();
            var provisional = await db.AssessmentResults.AsNoTracking().FirstAsync(r => r.AssessmentId == template.Id);
            var now = DateTimeOffset.UtcNow;
            var assessment = new Assessment
            {
                Id = Guid.NewGuid(),
                OrganisationId = template.OrganisationId,
                Year = year,
                FrameworkId = template.FrameworkId,
                FrameworkVersion = template.FrameworkVersion,
                Status = AssessmentStatus.Submitted,
                AssessorId = assessor,
                CreatedAt = now,
                UpdatedAt = now,
                SubmittedAt = now,
                Inputs = [.. template.Inputs.Select(i => new AssessmentInput
                {
                    Id = Guid.NewGuid(),
                    InputId = i.InputId,
                    Number = i.Number,
                    Flag = i.Flag,
                    Text = i.Text,
                    Evidence = EvidenceLevel.SelfDeclared,
                    Review = ReviewState.Pending,
                })],
            };
            db.Assessments.Add(assessment);
            db.AssessmentResults.Add(new AssessmentResult
            {
                Id = Guid.NewGuid(),
                AssessmentId = assessment.Id,
                IsFinal = false,
                Index = provisional.Index,
                Tier = provisional.Tier,
                FrameworkId = provisional.FrameworkId,
                FrameworkVersion = provisional.FrameworkVersion,
                ExplanationJson = provisional.ExplanationJson,
                ComputedAt = now,
            });
            await db.SaveChangesAsync();
            return assessment.Id;
        });
    }

    /// <summary>Stores a PDF evidence file for an input of an assessment, through the real evidence store.</summary>
    public async Task<Guid> AddEvidenceAsync(Guid assessmentId, string inputId, byte[] content, string fileName)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<HiTech.Web.Infrastructure.Storage.EvidenceStore>();
        var owner = await db.Users.Where(u => u.Email == DemoSeeder.OwnerEmail).Select(u => u.Id).SingleAsync();
        using var stream = new MemoryStream(content);
        var (file, refusal) = await store.SaveAsync(stream, fileName, assessmentId, inputId, owner, CancellationToken.None);
        Assert.Null(refusal);
        db.EvidenceFiles.Add(file!);
        await db.SaveChangesAsync();
        return file!.Id;
    }
}
