using HiTech.Core.Analytics;
using HiTech.Core.Analytics.WhatIf;
using HiTech.Core.Frameworks;
using HiTech.Core.Maturity;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;
using SimulationTransitions = HiTech.Core.Simulation.TierTransitions;

namespace HiTech.Core.Tests.Analytics.WhatIfOracle;

/// <summary>
/// Scores each enterprise of a population under the framework in force and under a proposal, and reports what
/// would change: the tier transition matrix, movers by district, priority sector and size, every headline
/// indicator before and after, and the incentive cost ceiling. Facts come from <see cref="EnterpriseFactsBuilder"/>,
/// up and down from <see cref="SimulationTransitions"/> (the rule of <c>hitech simulate</c>), and every published
/// figure goes through <see cref="DisclosureControl"/>. Not thread-safe. The per-enterprise path the streaming tally replaced, kept as the oracle the tests compare it with.
/// </summary>
public sealed class OracleWhatIfAnalysis
{
    public const string Up = "up";
    public const string Down = "down";
    public const string Unchanged = "unchanged";
    public const string Entering = "entering";
    public const string Leaving = "leaving";

    public static IReadOnlyList<string> Directions { get; } = [Up, Down, Unchanged];

    private readonly CompiledFramework _baseline;
    private readonly CompiledFramework _proposal;
    private readonly ActivityClassifier _classifier;
    private readonly EnterpriseFactsBuilder _before;
    private readonly EnterpriseFactsBuilder _after;
    private readonly SimulationTransitions _transitions;
    private readonly IncentiveCostRule _cost;
    private readonly DisclosureRules _rules;
    private readonly List<(EnterpriseFacts Before, EnterpriseFacts After, int BaselineTier, int ProposalTier)> _scored = [];

    public OracleWhatIfAnalysis(CompiledFramework baseline, CompiledFramework proposal, ActivityClassifier classifier, SchemeCatalog schemes, DisclosureRules rules)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(schemes);
        ArgumentNullException.ThrowIfNull(rules);
        _baseline = baseline;
        _proposal = proposal;
        _classifier = classifier;
        _rules = rules;
        _before = new EnterpriseFactsBuilder(baseline, classifier);
        _after = new EnterpriseFactsBuilder(proposal, classifier);
        _transitions = new SimulationTransitions(baseline, proposal, classifier.Reference.Nic);
        _cost = new IncentiveCostRule(schemes);
    }

    public CompiledFramework Baseline => _baseline;

    public CompiledFramework Proposal => _proposal;

    public ActivityClassifier Classifier => _classifier;

    public int Scored => _scored.Count;

    /// <summary>Enterprises whose inputs one of the two frameworks would not score (say, a required input the proposal adds).</summary>
    public int Rejected { get; private set; }

    /// <summary>Scores one enterprise under both frameworks; false (and counted as rejected) when either refuses its inputs.</summary>
    public bool Add(EnterpriseInput input, int year, string status)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (before, _) = Explainer.Explain(_baseline, _classifier, input);
        var (after, _) = Explainer.Explain(_proposal, _classifier, input);
        if (before is null || after is null)
        {
            Rejected++;
            return false;
        }

        _scored.Add((
            _before.FromExplanation(input, before, year, status),
            _after.FromExplanation(input, after, year, status),
            _baseline.TierIndex(before.Tier.Id),
            _proposal.TierIndex(after.Tier.Id)));
        return true;
    }

    /// <summary>
    /// Adds one enterprise already scored under both frameworks (a registry row, <see cref="RegistryScan.Pairs"/>):
    /// its facts under the baseline and under the proposal.
    /// </summary>
    public void Add(EnterpriseFacts before, EnterpriseFacts after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        _scored.Add((before, after, _baseline.TierIndex(before.TierId), _proposal.TierIndex(after.TierId)));
    }

    public WhatIfReport Report()
    {
        var baselineTiers = _baseline.Tiers.Select(t => t.Id).ToList();
        var proposalTiers = _proposal.Tiers.Select(t => t.Id).ToList();
        var moves = _scored.Select(s => (s.After, Direction: _transitions.Direction(s.BaselineTier, s.ProposalTier) switch { > 0 => Up, < 0 => Down, _ => Unchanged })).ToList();
        PublishedTable Movers(GroupDimension by, IReadOnlyList<string> keys) =>
            OraclePublishedTable.Of(moves.Select(m => (by.KeyOf(m.After), m.Direction, m.After)), keys, Directions, _rules);

        return new WhatIfReport(
            _baseline.Id,
            _baseline.Version,
            _proposal.Id,
            _proposal.Version,
            Scored,
            Rejected,
            Movers(GroupDimension.State, [GroupDimensions.Kerala]),
            OraclePublishedTable.Of(_scored.Select(s => (s.Before.TierId, s.After.TierId, s.After)), baselineTiers, proposalTiers, _rules),
            Movers(GroupDimension.District, []),
            Movers(GroupDimension.Sector, []),
            Movers(GroupDimension.Size, SizeClasses.All),
            Indicators(baselineTiers.Union(proposalTiers, StringComparer.Ordinal)),
            Cost());
    }

    private List<IndicatorChange> Indicators(IEnumerable<string> tiers)
    {
        var before = Published(_scored.Select(s => s.Before));
        var after = Published(_scored.Select(s => s.After));
        IndicatorChange Change(string id, Func<IndicatorValues, decimal?> value) => new(id, before is null ? null : value(before), after is null ? null : value(after));
        List<IndicatorChange> changes =
        [
            Change("enterprises", v => v.Enterprises),
            Change("hi_tech_enterprises", v => v.HiTechEnterprises),
            Change("sdg_9b1_share", v => v.Sdg9b1SharePercent),
            Change("rd_intensity", v => v.RdIntensityPercent),
            Change("rd_staff_share", v => v.RdStaffSharePercent),
            Change("stem_share", v => v.StemSharePercent),
            Change("exports_share", v => v.ExportsSharePercent),
            Change("returnee_hires", v => v.ReturneeHires),
            Change("digital_maturity_mean", v => v.DigitalMaturityMean is { } mean ? (decimal)mean : null),
            Change("certifications", v => v.CertificationsPerEnterprise),
        ];

        // Enterprises per tier are a one-way table of their own, so they get their own disclosure.
        var tierBefore = OraclePublishedTable.Of(_scored.Select(s => (GroupDimensions.Kerala, s.Before.TierId, s.Before)), [GroupDimensions.Kerala], [.. tiers], _rules);
        var tierAfter = OraclePublishedTable.Of(_scored.Select(s => (GroupDimensions.Kerala, s.After.TierId, s.After)), [GroupDimensions.Kerala], tierBefore.Columns, _rules);
        changes.AddRange(tierBefore.Columns.Select((tier, c) => new IndicatorChange("enterprises_by_tier." + tier, tierBefore.Cells[0][c], tierAfter.Cells[0][c])));
        return changes;
    }

    /// <summary>The whole population's indicators, or null when disclosure control hides the total.</summary>
    private IndicatorValues? Published(IEnumerable<EnterpriseFacts> facts)
    {
        var disclosed = DisclosureControl.Apply(GroupTableBuilder.Tally(facts, GroupDimension.State), _rules);
        return disclosed.Total.Published && disclosed.Groups.All(g => g.Published) ? IndicatorValues.Of(disclosed.Table.Total) : null;
    }

    private IncentiveCost Cost()
    {
        var table = OraclePublishedTable.Of(
            _scored.Select(s => (s.After.SizeClass, s.Before.HiTech == s.After.HiTech ? Unchanged : s.After.HiTech ? Entering : Leaving, s.After)),
            [.. SizeClasses.All, EnterpriseFactsBuilder.UnknownSize],
            [Entering, Leaving, Unchanged],
            _rules);
        var rows = new List<IncentiveCostRow>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var perEnterprise = _cost.PerEnterprise(table.Rows[r]);
            var net = table.Cells[r][0] is { } entering && table.Cells[r][1] is { } leaving ? (entering - leaving) * perEnterprise : (decimal?)null;
            rows.Add(new IncentiveCostRow(table.Rows[r], perEnterprise, net));
        }

        return new IncentiveCost(
            table,
            rows,
            rows.All(r => r.NetCostInr is not null) ? rows.Sum(r => r.NetCostInr) : null,
            [.. _cost.Costed.Select(s => s.Id)],
            [.. _cost.NotCosted.Select(s => s.Id)]);
    }
}
