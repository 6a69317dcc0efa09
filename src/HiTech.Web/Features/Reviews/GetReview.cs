using HiTech.Core.Scoring;

namespace HiTech.Web.Features.Reviews;

/// <summary>One input as the assessor reviews it, with its evidence files.</summary>
public sealed record ReviewInput(AssessmentInput Row, CompiledInput? Input, LocalText Title, IReadOnlyList<EvidenceFile> Files);

/// <summary>One line of the audit trail, with who made it.</summary>
public sealed record TrailEntry(DateTimeOffset At, string Who, string Entity, AuditAction Action, string? Before, string? After);

/// <summary>Everything the review page and the API show for one assessment.</summary>
public sealed record ReviewView(
    Assessment Assessment,
    Organisation Organisation,
    CompiledFramework Framework,
    IReadOnlyList<ReviewInput> Inputs,
    IReadOnlyList<EvidenceFile> OtherFiles,
    AssessmentResult? Provisional,
    AssessmentResult? Final,
    Explanation? Preview,
    IReadOnlyList<InputIssue> PreviewIssues,
    IReadOnlyList<Certificate> Certificates,
    IReadOnlyList<TrailEntry> Trail,
    bool IsMine,
    IReadOnlyDictionary<Guid, string> People)
{
    /// <summary>Decisions can be made while it waits for review.</summary>
    public bool IsOpen => Assessment.Status == AssessmentStatus.Submitted;

    public int Pending => Inputs.Count(i => i.Row.Review == ReviewState.Pending);
}

/// <summary>
/// Loads an assessment for review: organisation, inputs with their files, the provisional and final results,
/// a preview of the result with the decisions made so far, certificates and the audit trail.
/// </summary>
public sealed class GetReview(AppDbContext db, FrameworkStore frameworks, AssessmentScoring scoring, IStringLocalizer<ReviewsText> r)
{
    public async Task<Outcome<ReviewView>> ExecuteAsync(Guid assessmentId, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessments = db.Assessments.AsNoTracking().Include(a => a.Inputs).Include(a => a.Evidence);
        if (await AssessmentPolicy.FindForReviewAsync(assessments, user, assessmentId, cancellationToken) is not { } assessment)
        {
            return ReviewChanges.NotInQueue<ReviewView>(r);
        }

        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Activities).FirstAsync(o => o.Id == assessment.OrganisationId, cancellationToken);
        var framework = await frameworks.GetAsync(assessment.FrameworkId, assessment.FrameworkVersion, cancellationToken);
        var order = framework.Inputs.Select((input, index) => (input.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
        var inputs = assessment.Inputs
            .OrderBy(i => order.TryGetValue(i.InputId, out var position) ? position : int.MaxValue)
            .ThenBy(i => i.InputId, StringComparer.Ordinal)
            .Select(i =>
            {
                framework.InputsById.TryGetValue(i.InputId, out var input);
                var files = assessment.Evidence.Where(f => f.InputId == i.InputId).OrderBy(f => f.FileName, StringComparer.Ordinal).ToList();
                return new ReviewInput(i, input, input?.Definition.Title ?? new LocalText(i.InputId), files);
            })
            .ToList();
        var known = assessment.Inputs.Select(i => i.InputId).ToHashSet(StringComparer.Ordinal);
        var otherFiles = assessment.Evidence.Where(f => !known.Contains(f.InputId)).ToList();

        var results = (await db.AssessmentResults.AsNoTracking().Where(r => r.AssessmentId == assessmentId).ToListAsync(cancellationToken))
            .OrderByDescending(r => r.ComputedAt).ToList();
        var (preview, issues) = scoring.Explain(framework, AssessmentScoring.ToInput(organisation, organisation.Activities, assessment.Inputs, framework));
        var certificates = (await db.Certificates.AsNoTracking().Where(c => c.AssessmentId == assessmentId).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.IssuedAt).ToList();

        var id = assessmentId.ToString();
        var certificateIds = certificates.Select(c => c.Id).ToList();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.Entity == "Assessment" && e.EntityId == id) || (e.Entity == "Certificate" && certificateIds.Contains(e.EntityId)))
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var userIds = entries.Select(e => e.UserId).Append(assessment.AssessorId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var trail = entries.Select(e => new TrailEntry(e.At, e.UserId is { } who && names.TryGetValue(who, out var name) ? name : "", e.Entity, e.Action, e.Before, e.After)).ToList();

        return Outcome.Ok(new ReviewView(
            assessment,
            organisation,
            framework,
            inputs,
            otherFiles,
            results.FirstOrDefault(r => !r.IsFinal),
            results.FirstOrDefault(r => r.IsFinal),
            preview,
            issues,
            certificates,
            trail,
            assessment.AssessorId == user.Id,
            names));
    }
}
