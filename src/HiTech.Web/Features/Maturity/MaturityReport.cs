using HiTech.Core.Maturity;
using HiTech.Core.Scoring;

namespace HiTech.Web.Features.Maturity;

/// <summary>How the hi-tech lift of the roadmap was worked out: from the firm's latest assessment, or from the framework's weight alone.</summary>
public sealed record LiftSource(string FrameworkId, string FrameworkVersion, int? AssessmentYear);

/// <summary>The previous finished assessment and the change from it to this one.</summary>
public sealed record ProgressView(MaturitySummary Previous, MaturityProgressReport Report);

/// <summary>
/// Everything the result page, the PDF and the API show about one maturity assessment: the scores, the peer
/// benchmark (<see cref="PeerBenchmark"/>), the roadmap (<see cref="MaturityRoadmap"/>, ranked by the lift in the firm's
/// hi-tech index), the progress since the previous finished assessment (<see cref="MaturityProgress"/>) and the open
/// assessment its score feeds.
/// </summary>
public sealed record MaturityReport(
    MaturityCase Case,
    FirmFacts Firm,
    PeerFirm PeerFirm,
    PeerBenchmarkResult Benchmark,
    MaturityRoadmapResult Roadmap,
    LiftSource Lift,
    ProgressView? Progress,
    OpenAssessment? Open)
{
    public MaturityResult Result => Case.Result;

    /// <summary>The peers' median for a dimension, when the benchmark shows it.</summary>
    public double? PeerMedian(string dimensionId) => Benchmark.Shown && Benchmark.Dimensions.TryGetValue(dimensionId, out var standing) ? standing.Median : null;
}

/// <summary>Builds a <see cref="MaturityReport"/>.</summary>
public sealed class BuildMaturityReport(AppDbContext db, GetMaturity get, ReadFirm firms, MaturityReference reference, FrameworkStore frameworks, AssessmentScoring scoring, DigitalMaturityFlow flow)
{
    public async Task<MaturityReport> ExecuteAsync(MaturityCase current, CancellationToken cancellationToken)
    {
        var organisationId = current.Entity.OrganisationId;
        var firm = await firms.ExecuteAsync(organisationId, cancellationToken) ?? throw new InvalidOperationException("The organisation of a maturity assessment is gone.");
        var peerFirm = firm.Peer(current.Profile);
        var peers = await PeersAsync(organisationId, cancellationToken);
        var benchmark = PeerBenchmark.Compute(current.Result, peers, peerFirm, current.Instrument.Scoring.PeerMinimum);
        var (lift, source) = await LiftAsync(organisationId, cancellationToken);
        var roadmap = MaturityRoadmap.Build(current.Result, current.Instrument, reference.Schemes, lift);
        var progress = await ProgressAsync(current, cancellationToken);
        var open = await flow.OpenAsync(organisationId, cancellationToken);
        return new MaturityReport(current, firm, peerFirm, benchmark, roadmap, source, progress, open);
    }

    /// <summary>The latest finished assessment of every other organisation, with what groups it: its primary activity's NIC division, the size class it was assessed at, its district.</summary>
    public async Task<IReadOnlyList<PeerRecord>> PeersAsync(Guid excludeOrganisation, CancellationToken cancellationToken)
    {
        var rows = await db.MaturityAssessments.AsNoTracking()
            .Where(m => m.CompletedAt != null && m.Overall != null && m.OrganisationId != excludeOrganisation)
            .Select(m => new { m.OrganisationId, m.CompletedAt, m.Overall, m.ResultJson, m.ProfileJson })
            .ToListAsync(cancellationToken);
        var latest = rows.GroupBy(r => r.OrganisationId).Select(g => g.OrderByDescending(r => r.CompletedAt!.Value.UtcTicks).First()).ToList();
        if (latest.Count == 0)
        {
            return [];
        }

        var ids = latest.Select(l => l.OrganisationId).ToList();
        var districts = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.District }).ToDictionaryAsync(o => o.Id, o => o.District, cancellationToken);
        var primary = (await db.Activities.AsNoTracking().Where(a => ids.Contains(a.OrganisationId)).Select(a => new { a.OrganisationId, a.Code, a.RevenueShare }).ToListAsync(cancellationToken))
            .GroupBy(a => a.OrganisationId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.RevenueShare).ThenBy(a => a.Code, StringComparer.Ordinal).First().Code);
        return [.. latest.Select(l => new PeerRecord(
            l.Overall!.Value,
            MaturityRecords.ReadDimensionScores(l.ResultJson),
            ReadFirm.Division(primary.GetValueOrDefault(l.OrganisationId)),
            MaturityRecords.ReadProfile(l.ProfileJson).Size,
            districts.GetValueOrDefault(l.OrganisationId)))];
    }

    /// <summary>
    /// The hi-tech index as a function of the digital maturity score: the organisation's latest assessment re-scored by
    /// the engine under its framework version with <c>digital_maturity</c> set to the candidate value. Without an
    /// assessment the engine can score, the part of the active framework's index that digital maturity contributes.
    /// </summary>
    public async Task<(Func<double, double> Lift, LiftSource Source)> LiftAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var latest = await db.Assessments.AsNoTracking().Include(a => a.Inputs)
            .Where(a => a.OrganisationId == organisationId)
            .OrderByDescending(a => a.Year)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is not null)
        {
            var framework = await frameworks.GetAsync(latest.FrameworkId, latest.FrameworkVersion, cancellationToken);
            if (framework.InputsById.TryGetValue(DigitalMaturityFlow.InputId, out var input))
            {
                var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == organisationId, cancellationToken);
                var activities = await db.Activities.AsNoTracking().Where(a => a.OrganisationId == organisationId).ToListAsync(cancellationToken);
                var (workspace, issues) = EnterpriseLoader.Load(framework, scoring.Classifier, AssessmentScoring.ToInput(organisation, activities, latest.Inputs, framework));
                if (issues.Count == 0)
                {
                    return (score =>
                    {
                        workspace.SetValue(input, score);
                        return Scorer.Score(workspace).Index;
                    }, new LiftSource(framework.Id, framework.Version, latest.Year));
                }
            }
        }

        var active = await frameworks.ActiveAsync(cancellationToken);
        return (DigitalMaturityLift.PartOfIndex(active), new LiftSource(active.Id, active.Version, null));
    }

    /// <summary>This assessment against the organisation's previous finished one (finished before this one, or before now).</summary>
    private async Task<ProgressView?> ProgressAsync(MaturityCase current, CancellationToken cancellationToken)
    {
        var series = await get.SeriesAsync(current.Entity.OrganisationId, cancellationToken);
        var cutoff = current.Entity.CompletedAt?.UtcTicks ?? long.MaxValue;
        var previous = series
            .Select((m, i) => (Entity: m, Number: i))
            .Where(p => p.Entity.Id != current.Id && p.Entity.CompletedAt is { } done && done.UtcTicks < cutoff && p.Entity.Overall is not null)
            .OrderByDescending(p => p.Entity.CompletedAt!.Value.UtcTicks)
            .FirstOrDefault();
        if (previous.Entity is null || current.Result.Overall is null)
        {
            return null;
        }

        var before = reference.TryGet(previous.Entity.InstrumentId, previous.Entity.InstrumentVersion, out _)
            ? get.ToCase(previous.Entity, previous.Number).Result
            : MaturityRecords.ReadResult(previous.Entity, current.Instrument);
        var p = previous.Entity;
        return new ProgressView(
            new MaturitySummary(p.Id, previous.Number, p.CreatedAt, p.UpdatedAt, p.CompletedAt, p.Overall, p.Band, p.IsFirstEstimate, p.Version),
            MaturityProgress.Compare(before, current.Result, current.Instrument));
    }
}
