using System.Text.Json;
using HiTech.Core.Analytics;
using HiTech.Core.Analytics.WhatIf;

namespace HiTech.Web.Features.WhatIf;

/// <summary>
/// Executes one claimed what-if run: the population's engine inputs scored under the version in force and under the
/// proposal by Core's <see cref="WhatIfAnalysis"/>, progress saved as it goes, the report (every figure already
/// through disclosure control) stored as JSON. A failure is stored in plain words, never thrown to the worker.
/// </summary>
public sealed class RunWhatIf(
    AppDbContext db,
    FrameworkStore frameworks,
    AssessmentScoring scoring,
    Maturity.MaturityReference maturity,
    DisclosureRules rules,
    TimeProvider clock,
    ILogger<RunWhatIf> log)
{
    private const int Batch = 200;

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public async Task ExecuteAsync(Guid runId, CancellationToken cancellationToken)
    {
        var run = await db.WhatIfRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        try
        {
            var report = await AnalyseAsync(run, cancellationToken);
            run.ResultJson = JsonSerializer.Serialize(report, Json);
            run.Status = WhatIfRunStatus.Done;
            run.Progress = 100;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            log.LogWarning(e, "What-if run {Run} failed", run.Id);
            run.Status = WhatIfRunStatus.Failed;
            run.Error = e.Message;
        }

        run.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<WhatIfReport> AnalyseAsync(WhatIfRun run, CancellationToken cancellationToken)
    {
        var baseline = await frameworks.GetAsync(run.ProposalFrameworkId, run.BaselineVersion, cancellationToken);
        var proposal = FrameworkUpload.Validate(run.ProposalYaml, run.ProposalName, scoring.Classifier).Framework
            ?? throw new InvalidOperationException("The proposal no longer validates against this platform's reference data.");
        var analysis = new WhatIfAnalysis(baseline, proposal, scoring.Classifier, maturity.Schemes, rules);

        // The latest approved assessment of each enterprise for the year.
        var ids = (await db.Assessments.AsNoTracking()
                .Where(a => a.Status == AssessmentStatus.Approved && a.Year == run.Year)
                .Select(a => new { a.Id, a.OrganisationId, a.DecidedAt })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.OrganisationId)
            .Select(g => g.OrderByDescending(a => a.DecidedAt).First().Id)
            .ToList();
        var done = 0;
        foreach (var chunk in ids.Chunk(Batch))
        {
            var chunkIds = chunk.ToList();
            var assessments = await db.Assessments.AsNoTracking().Include(a => a.Inputs)
                .Where(a => chunkIds.Contains(a.Id)).ToListAsync(cancellationToken);
            var organisationIds = assessments.Select(a => a.OrganisationId).Distinct().ToList();
            var organisations = await db.Organisations.AsNoTracking().Include(o => o.Activities)
                .Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
            foreach (var assessment in assessments)
            {
                if (organisations.TryGetValue(assessment.OrganisationId, out var organisation))
                {
                    analysis.Add(AssessmentScoring.ToInput(organisation, organisation.Activities, assessment.Inputs, baseline), run.Year, "approved");
                }
            }

            done += chunk.Length;
            run.Progress = (int)(95L * done / ids.Count);
            await db.SaveChangesAsync(cancellationToken);
        }

        return analysis.Report();
    }
}
