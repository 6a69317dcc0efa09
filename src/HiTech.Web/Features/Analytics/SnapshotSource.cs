using System.Runtime.CompilerServices;
using System.Text.Json;
using HiTech.Core.Analytics;
using HiTech.Core.Reference;
using HiTech.Core.Scoring;
using HiTech.Web.Infrastructure.Analytics;

namespace HiTech.Web.Features.Analytics;

/// <summary>
/// The platform's side of the analytics snapshot: each approved assessment's stored inputs made the engine's input
/// (<see cref="AssessmentScoring.ToInput"/>), its final explanation as it was approved, and Core's facts of the two;
/// and every assessment handed in, for the pipeline, without its enterprise. Reads in batches, never the whole table.
/// </summary>
public sealed class SnapshotSource(AppDbContext db, FrameworkStore frameworks, AssessmentScoring scoring, ReferenceData reference) : ISnapshotSource
{
    /// <summary>The status id the facts of an approved assessment carry.</summary>
    public const string StatusId = "approved";

    public Task<int> CountFactsAsync(CancellationToken cancellationToken) =>
        db.Assessments.AsNoTracking().CountAsync(a => a.Status == AssessmentStatus.Approved, cancellationToken);

    public async IAsyncEnumerable<EnterpriseFacts> FactsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One row per enterprise and year: when a year was approved twice, the later approval stands.
        var ids = await ApprovedAssessments.LatestIdsAsync(db, null, cancellationToken);
        var builders = new Dictionary<(string, string), EnterpriseFactsBuilder>();
        await foreach (var batch in ApprovedAssessments.BatchesAsync(db, ids, cancellationToken))
        {
            var batchIds = batch.Select(e => e.Assessment.Id).ToList();
            var organisationIds = batch.Select(e => e.Organisation.Id).Distinct().ToList();
            var maturity = (await db.MaturityAssessments.AsNoTracking()
                    .Where(m => organisationIds.Contains(m.OrganisationId) && m.CompletedAt != null && m.ResultJson != null)
                    .Select(m => new FinishedMaturity(m.OrganisationId, m.CompletedAt!.Value, m.ResultJson!))
                    .ToListAsync(cancellationToken))
                .ToLookup(m => m.OrganisationId);
            var finals = (await db.AssessmentResults.AsNoTracking()
                    .Where(r => r.IsFinal && batchIds.Contains(r.AssessmentId)).ToListAsync(cancellationToken))
                .GroupBy(r => r.AssessmentId)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.ComputedAt).First());
            foreach (var (latest, organisation) in batch)
            {
                if (!finals.TryGetValue(latest.Id, out var result))
                {
                    continue;
                }

                var framework = await frameworks.GetAsync(latest.FrameworkId, latest.FrameworkVersion, cancellationToken);
                var input = AssessmentScoring.ToInput(organisation, organisation.Activities, latest.Inputs, framework);
                var explanation = JsonSerializer.Deserialize<Explanation>(result.ExplanationJson, ExplanationJson.Options)
                    ?? throw new InvalidOperationException($"The final result of assessment {latest.Id} has no explanation.");
                if (!builders.TryGetValue((framework.Id, framework.Version), out var builder))
                {
                    builders[(framework.Id, framework.Version)] = builder = new EnterpriseFactsBuilder(framework, scoring.Classifier);
                }

                yield return builder.FromExplanation(input, explanation, latest.Year, StatusId, DimensionsAt(maturity[latest.OrganisationId], latest.DecidedAt));
            }
        }
    }

    /// <summary>
    /// The DMA dimension scores of the enterprise's latest maturity assessment finished by the time its assessment was
    /// approved (the one the assessor could see), or null when it had finished none.
    /// </summary>
    private static Dictionary<string, double>? DimensionsAt(IEnumerable<FinishedMaturity> finished, DateTimeOffset? decidedAt)
    {
        var latest = finished
            .Where(m => decidedAt is null || m.CompletedAt <= decidedAt)
            .OrderByDescending(m => m.CompletedAt.UtcTicks)
            .FirstOrDefault();
        var scores = latest is null ? null : Maturity.MaturityRecords.ReadDimensionScores(latest.ResultJson);
        return scores is { Count: > 0 } ? scores.ToDictionary(d => d.Key, d => (double)d.Value, StringComparer.Ordinal) : null;
    }

    private sealed record FinishedMaturity(Guid OrganisationId, DateTimeOffset CompletedAt, string ResultJson);

    public async IAsyncEnumerable<PipelineFact> PipelineAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = db.Assessments.AsNoTracking()
            .Where(a => a.Status != AssessmentStatus.Draft)
            .Join(db.Organisations.AsNoTracking(), a => a.OrganisationId, o => o.Id, (a, o) => new { a.Year, a.Status, a.AssessorId, a.SubmittedAt, a.DecidedAt, o.District })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var stage = AssessmentLifecycle.StageOf(row.Status, row.AssessorId) switch
            {
                AssessmentStage.Submitted => "submitted",
                AssessmentStage.InReview => "in_review",
                AssessmentStage.Returned => "returned",
                AssessmentStage.Approved => "approved",
                _ => null,
            };
            if (stage is not null)
            {
                var district = reference.Districts.TryResolve(row.District, out var d) ? d.Id : null;
                yield return new PipelineFact(row.Year, district, stage, row.SubmittedAt, row.DecidedAt);
            }
        }
    }
}
