using System.Text.Json;
using HiTech.Core.Analytics;
using HiTech.Core.Analytics.WhatIf;
using HiTech.Core.Registry;

namespace HiTech.Web.Features.WhatIf;

/// <summary>
/// Executes one claimed what-if run: the population (the year's approved assessments, read by
/// <see cref="ApprovedAssessments"/>, and/or the run's registry, streamed by Core's <see cref="RegistryPopulation"/>)
/// scored under the version in force and under the proposal by Core's <see cref="WhatIfAnalysis"/>, progress saved as it goes, the report (every figure already
/// through disclosure control) stored as JSON. A failure is stored in plain words, never thrown to the worker.
/// </summary>
public sealed class RunWhatIf(
    AppDbContext db,
    FrameworkStore frameworks,
    AssessmentScoring scoring,
    Maturity.MaturityReference maturity,
    DisclosureRules rules,
    WhatIfFiles files,
    ImportWhatIfRegistry import,
    TimeProvider clock,
    ILogger<RunWhatIf> log)
{
    /// <summary>The status the facts of an approved assessment carry.</summary>
    private const string ApprovedStatus = "approved";

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(500);

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
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or InvalidDataException or IOException)
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

        // Progress: the assessments and the registry share the first 95%; the report takes the rest.
        var registryStart = WhatIfPopulations.IncludesRegistry(run.Population) && WhatIfPopulations.IncludesAssessments(run.Population) ? 45 : 0;
        if (WhatIfPopulations.IncludesAssessments(run.Population))
        {
            await AddAssessmentsAsync(run, analysis, baseline, WhatIfPopulations.IncludesRegistry(run.Population) ? 45 : 95, cancellationToken);
        }

        // A registry on its own, under a proposal that reads rows as the version in force does, is scored from the
        // columns imported once; beside the assessments (whose figures come first) or otherwise, the file is streamed.
        if (WhatIfPopulations.IncludesRegistry(run.Population))
        {
            if (!WhatIfPopulations.IncludesAssessments(run.Population) && RegistryReading.Alike(baseline, proposal))
            {
                var registry = await WithProgressAsync(run, 0, progress => import.Execute(run, baseline, proposal, progress), cancellationToken);
                Record(run, registry.Population);
                analysis.Add(registry);
            }
            else
            {
                await AddRegistryAsync(run, analysis, registryStart, cancellationToken);
            }
        }

        return analysis.Report();
    }

    private async Task AddAssessmentsAsync(WhatIfRun run, WhatIfAnalysis analysis, CompiledFramework baseline, int share, CancellationToken cancellationToken)
    {
        var ids = await ApprovedAssessments.LatestIdsAsync(db, run.Year, cancellationToken);
        var done = 0;
        await foreach (var batch in ApprovedAssessments.BatchesAsync(db, ids, cancellationToken))
        {
            foreach (var (assessment, organisation) in batch)
            {
                analysis.Add(AssessmentScoring.ToInput(organisation, organisation.Activities, assessment.Inputs, baseline), run.Year, ApprovedStatus);
            }

            done += batch.Count;
            run.Progress = (int)((long)share * done / Math.Max(1, ids.Count));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Streams the run's registry into the analysis on a worker thread, saving progress twice a second meanwhile.</summary>
    private async Task AddRegistryAsync(WhatIfRun run, WhatIfAnalysis analysis, int start, CancellationToken cancellationToken)
    {
        var path = files.PathOf(run.RegistryFile ?? throw new InvalidOperationException("The run has no registry file."));
        if (!File.Exists(path))
        {
            throw new InvalidOperationException("The registry file of this run is no longer on the server.");
        }

        using var table = TableUpload.Open(path, TableUpload.IsExcel(path), run.RegistryName ?? "registry");
        Record(run, await WithProgressAsync(run, start, progress => RegistryPopulation.AddTo(analysis, table, run.Year, progress), cancellationToken));
    }

    /// <summary>Runs reading on a worker thread, saving the share read (from <paramref name="start"/> to 95%) twice a second meanwhile.</summary>
    private async Task<T> WithProgressAsync<T>(WhatIfRun run, int start, Func<Action<double>, T> reading, CancellationToken cancellationToken)
    {
        var read = 0d;
        var work = Task.Run(() => reading(share => Volatile.Write(ref read, share)), cancellationToken);
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(ProgressEvery, clock, cancellationToken));
            run.Progress = start + (int)((95 - start) * Volatile.Read(ref read));
            await db.SaveChangesAsync(cancellationToken);
        }

        return await work;
    }

    /// <summary>Keeps what the registry gave on the run; a header no row could be read under, or a file cut short, fails the run.</summary>
    private static void Record(WhatIfRun run, RegistryPopulation population)
    {
        if (population.HeaderProblems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", population.HeaderProblems.Select(p => p.Trim())));
        }

        run.RegistryRows = population.Rows;
        run.RegistryUsed = population.Used;
        run.RegistryRejected = population.Rejected;
        run.RegistryRejects = JsonSerializer.Serialize(population.Rejects, Json);
        if (population.Aborted is { } aborted)
        {
            throw new InvalidDataException(aborted);
        }
    }
}
