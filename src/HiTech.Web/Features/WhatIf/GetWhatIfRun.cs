using System.Text.Json;
using HiTech.Core.Analytics;
using HiTech.Core.Analytics.WhatIf;

namespace HiTech.Web.Features.WhatIf;

/// <summary>One what-if run with its report and the proposal's changes against the version in force, for analysts and admins.</summary>
public sealed class GetWhatIfRun(AppDbContext db, FrameworkStore frameworks, AssessmentScoring scoring, DisclosureRules rules)
{
    /// <summary>
    /// A run, its report when finished, the proposal's changes against the version in force (the diff), the settings a
    /// form changed (empty for a file), the registry rows it rejected (the first of them), the version it was published
    /// as, and the minimum frequency of the disclosure rules.
    /// </summary>
    public sealed record RunView(
        WhatIfRun Run,
        WhatIfReport? Report,
        IReadOnlyList<FrameworkChange> Changes,
        IReadOnlyList<FrameworkSettingChange> FormChanges,
        IReadOnlyList<RegistryReject> RegistryRejects,
        FrameworkVersion? PublishedAs,
        int MinFrequency);

    public async Task<Outcome<RunView>> ExecuteAsync(Guid id, CurrentUser user, CancellationToken cancellationToken)
    {
        if (!user.IsAnalyst && !user.IsAdmin)
        {
            return Outcome.Forbidden<RunView>();
        }

        var run = await db.WhatIfRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null)
        {
            return Outcome.NotFound<RunView>();
        }

        var report = run.ResultJson is null ? null : JsonSerializer.Deserialize<WhatIfReport>(run.ResultJson, RunWhatIf.Json);
        var baseline = await frameworks.GetAsync(run.ProposalFrameworkId, run.BaselineVersion, cancellationToken);
        var proposal = FrameworkUpload.Validate(run.ProposalYaml, run.ProposalName, scoring.Classifier).Framework;
        IReadOnlyList<FrameworkChange> changes = proposal is null ? [] : FrameworkDiff.Compare(baseline.Definition, proposal.Definition);
        var published = await db.FrameworkVersions.AsNoTracking().FirstOrDefaultAsync(f => f.SimulationRunId == id, cancellationToken);
        var formChanges = run.ProposalChanges is null ? [] : JsonSerializer.Deserialize<List<FrameworkSettingChange>>(run.ProposalChanges, RunWhatIf.Json) ?? [];
        var rejects = run.RegistryRejects is null ? [] : JsonSerializer.Deserialize<List<RegistryReject>>(run.RegistryRejects, RunWhatIf.Json) ?? [];
        return Outcome.Ok(new RunView(run, report, changes, formChanges, rejects, published, rules.MinFrequency));
    }
}
