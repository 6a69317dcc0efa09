using HiTech.Core.Frameworks;
using HiTech.Core.Scoring;
using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Audit;
using HiTech.Web.Infrastructure.Frameworks;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Features.Assessments;

public enum SubmitStatus
{
    Submitted,

    /// <summary>The engine refused the inputs (missing required ones, broken consistency checks, activities).</summary>
    Invalid,

    /// <summary>Changed since the caller read it; nothing was submitted.</summary>
    Stale,

    NotFound,
    Forbidden,
    NotEditable,
}

public sealed record SubmitOutcome(SubmitStatus Status, int Version, IReadOnlyList<InputIssue> Issues, CompiledFramework? Framework, AssessmentResult? Result)
{
    public static SubmitOutcome Of(SubmitStatus status, int version = 0) => new(status, version, [], null, null);
}

/// <summary>
/// Submits an assessment: the engine checks and scores it (the framework version it was started under, from the
/// cache), a provisional result is stored with its whole explanation, and it waits for an assessor. Built for the
/// hot path: three small reads (assessment with inputs, organisation, activities) and one write (assessment, result, audit).
/// </summary>
public sealed class SubmitAssessment(AppDbContext db, FrameworkStore frameworks, AssessmentScoring scoring, AuditLog audit, TimeProvider clock)
{
    public async Task<SubmitOutcome> ExecuteAsync(CurrentUser user, Guid id, int version, CancellationToken cancellationToken)
    {
        // The assessment (tracked, to be updated) with its inputs. (Plain queries on purpose: a projection holding
        // nested collections makes EF Core compile a delegate on every execution, which cost more than a round trip.)
        var (check, found) = await AssessmentAccess.FindEditableAsync(db.Assessments.Include(a => a.Inputs), user, id, cancellationToken);
        if (check != EditCheck.Editable || found is not { } assessment)
        {
            return check switch
            {
                EditCheck.Forbidden => SubmitOutcome.Of(SubmitStatus.Forbidden),
                EditCheck.NotEditable => SubmitOutcome.Of(SubmitStatus.NotEditable, found!.Version),
                _ => SubmitOutcome.Of(SubmitStatus.NotFound),
            };
        }

        if (assessment.Version != version)
        {
            return SubmitOutcome.Of(SubmitStatus.Stale, assessment.Version);
        }

        // The organisation's name, district and activities, which the engine scores with the inputs.
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == assessment.OrganisationId)
            .Select(o => new Organisation { Id = o.Id, Name = o.Name, District = o.District })
            .FirstAsync(cancellationToken);
        var activities = await db.Activities.AsNoTracking().Where(x => x.OrganisationId == assessment.OrganisationId).ToListAsync(cancellationToken);
        var framework = await frameworks.GetAsync(assessment.FrameworkId, assessment.FrameworkVersion, cancellationToken);
        var (explanation, issues) = scoring.Explain(framework, AssessmentScoring.ToInput(organisation, activities, assessment.Inputs, framework));
        if (explanation is null)
        {
            return new SubmitOutcome(SubmitStatus.Invalid, assessment.Version, issues, framework, null);
        }

        var now = clock.GetUtcNow();
        var result = new AssessmentResult
        {
            Id = Guid.NewGuid(),
            AssessmentId = id,
            IsFinal = false,
            Index = explanation.Index,
            Tier = explanation.Tier.Id,
            FrameworkId = framework.Id,
            FrameworkVersion = framework.Version,
            ExplanationJson = ExplanationJson.Serialize(explanation, indented: false),
            ComputedAt = now,
        };
        db.AssessmentResults.Add(result);
        var previous = assessment.Status;
        assessment.Status = AssessmentStatus.Submitted;
        assessment.SubmittedAt = now;
        assessment.UpdatedAt = now;
        audit.Record(user, nameof(Assessment), id.ToString(), AuditAction.Submit,
            new { status = previous.ToString() },
            new { status = nameof(AssessmentStatus.Submitted), result = result.Id, index = result.Index, tier = result.Tier, framework = framework.Id, version = framework.Version });

        db.Entry(assessment).Property(a => a.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Assessments.AsNoTracking().Where(a => a.Id == id).Select(a => a.Version).FirstAsync(cancellationToken);
            return SubmitOutcome.Of(SubmitStatus.Stale, current);
        }

        return new SubmitOutcome(SubmitStatus.Submitted, assessment.Version, [], framework, result);
    }
}
