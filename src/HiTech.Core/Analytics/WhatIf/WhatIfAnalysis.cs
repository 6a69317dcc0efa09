using HiTech.Core.Frameworks;
using HiTech.Core.Maturity;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;
using SimulationTransitions = HiTech.Core.Simulation.TierTransitions;

namespace HiTech.Core.Analytics.WhatIf;

/// <summary>
/// Scores each enterprise of a population under the framework in force and under a proposal, and reports what
/// would change: the tier transition matrix, movers by district, priority sector and size, every headline
/// indicator before and after, and the incentive cost ceiling. Facts come from <see cref="EnterpriseFactsBuilder"/>,
/// up and down from <see cref="SimulationTransitions"/> (the rule of <c>hitech simulate</c>), and every published
/// figure goes through <see cref="DisclosureControl"/>. Enterprises are tallied as they come (<see cref="WhatIfTally"/>
/// for the count tables, one <see cref="GroupAccumulator"/> per version for the indicators), never kept. Not thread-safe.
/// </summary>
public sealed class WhatIfAnalysis
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
    private readonly WhatIfTally _tally = new();
    private readonly GroupAccumulator _figuresBefore = new(GroupDimensions.Kerala);
    private readonly GroupAccumulator _figuresAfter = new(GroupDimensions.Kerala);

    /// <summary>The figures of an imported registry scored whole, which then is the whole population.</summary>
    private GroupTotals? _imported;

    public WhatIfAnalysis(CompiledFramework baseline, CompiledFramework proposal, ActivityClassifier classifier, SchemeCatalog schemes, DisclosureRules rules)
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

    public int Scored => _tally.Enterprises;

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

        Add(_before.FromExplanation(input, before, year, status), _after.FromExplanation(input, after, year, status));
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
        RefuseAfterImported();
        _figuresBefore.Add(before);
        _figuresAfter.Add(after);
        _tally.Add(after, _baseline.TierIndex(before.TierId), _proposal.TierIndex(after.TierId));
    }

    /// <summary>
    /// Scores a whole imported registry (<see cref="ImportedRegistry.Serves"/> must hold) as the population: its
    /// figures were summed in file order when it was imported, as adding its rows one by one would sum them, so it
    /// cannot follow or precede other enterprises (stream the file with <see cref="RegistryPopulation.AddTo"/> then).
    /// </summary>
    public void Add(ImportedRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        RefuseAfterImported();
        if (Scored > 0)
        {
            throw new InvalidOperationException("an imported registry is scored as the whole population; stream the file to add it to other enterprises");
        }

        registry.ScoreInto(_tally, _baseline, _proposal, _classifier);
        _imported = registry.Figures;
    }

    public WhatIfReport Report()
    {
        var baselineTiers = _baseline.Tiers.Select(t => t.Id).ToList();
        var proposalTiers = _proposal.Tiers.Select(t => t.Id).ToList();
        string Direction(WhatIfTally.Cell c) => _transitions.Direction(c.BaselineTier, c.ProposalTier) switch { > 0 => Up, < 0 => Down, _ => Unchanged };
        PublishedTable Movers(Func<WhatIfTally.Cell, string> by, IReadOnlyList<string> keys) => PublishedTable.Of(_tally.Count(by, Direction), keys, Directions, _rules);

        return new WhatIfReport(
            _baseline.Id,
            _baseline.Version,
            _proposal.Id,
            _proposal.Version,
            Scored,
            Rejected,
            Movers(_ => GroupDimensions.Kerala, [GroupDimensions.Kerala]),
            PublishedTable.Of(_tally.Count(c => baselineTiers[c.BaselineTier], c => proposalTiers[c.ProposalTier]), baselineTiers, proposalTiers, _rules),
            Movers(c => c.District, []),
            Movers(c => c.Sector, []),
            Movers(c => c.Size, SizeClasses.All),
            Indicators(baselineTiers, proposalTiers),
            Cost());
    }

    private void RefuseAfterImported()
    {
        if (_imported is not null)
        {
            throw new InvalidOperationException("an imported registry scored whole is the whole population; nothing can be added to it");
        }
    }

    private List<IndicatorChange> Indicators(List<string> baselineTiers, List<string> proposalTiers)
    {
        var before = Published(Figures(_figuresBefore, _baseline, c => c.BaselineTier));
        var after = Published(Figures(_figuresAfter, _proposal, c => c.ProposalTier));
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
        var tiers = baselineTiers.Union(proposalTiers, StringComparer.Ordinal).ToList();
        var tierBefore = PublishedTable.Of(_tally.Count(_ => GroupDimensions.Kerala, c => baselineTiers[c.BaselineTier]), [GroupDimensions.Kerala], tiers, _rules);
        var tierAfter = PublishedTable.Of(_tally.Count(_ => GroupDimensions.Kerala, c => proposalTiers[c.ProposalTier]), [GroupDimensions.Kerala], tierBefore.Columns, _rules);
        changes.AddRange(tierBefore.Columns.Select((tier, c) => new IndicatorChange("enterprises_by_tier." + tier, tierBefore.Cells[0][c], tierAfter.Cells[0][c])));
        return changes;
    }

    /// <summary>
    /// The population's figures under one version: those summed as enterprises came, or an imported registry's, its
    /// tier counts (the only figures a version changes) taken from the tally.
    /// </summary>
    private GroupTotals Figures(GroupAccumulator added, CompiledFramework framework, Func<WhatIfTally.Cell, int> tierOf)
    {
        if (_imported is not { } imported)
        {
            return added.ToTotals();
        }

        var byTier = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (cell, count) in _tally.Cells)
        {
            var tier = framework.Tiers[tierOf(cell)].Id;
            byTier[tier] = byTier.GetValueOrDefault(tier) + count;
        }

        var hiTech = HiTechTiers.Of(framework);
        return imported with { EnterprisesByTier = byTier, HiTechEnterprises = byTier.Where(t => hiTech.Contains(t.Key)).Sum(t => t.Value) };
    }

    /// <summary>The whole population's indicators, or null when disclosure control hides the total.</summary>
    private IndicatorValues? Published(GroupTotals population)
    {
        var table = new GroupTable(GroupDimension.State, population.Enterprises == 0 ? [] : [population], population with { Group = GroupTotals.AllGroup });
        var disclosed = DisclosureControl.Apply(table, _rules);
        return disclosed.Total.Published && disclosed.Groups.All(g => g.Published) ? IndicatorValues.Of(disclosed.Table.Total) : null;
    }

    private IncentiveCost Cost()
    {
        var before = HiTechTiers.Of(_baseline);
        var after = HiTechTiers.Of(_proposal);
        string Change(WhatIfTally.Cell c) => (before.Contains(_baseline.Tiers[c.BaselineTier].Id), after.Contains(_proposal.Tiers[c.ProposalTier].Id)) switch
        {
            (true, true) or (false, false) => Unchanged,
            (false, true) => Entering,
            _ => Leaving,
        };
        var table = PublishedTable.Of(_tally.Count(c => c.Size, Change), [.. SizeClasses.All, EnterpriseFactsBuilder.UnknownSize], [Entering, Leaving, Unchanged], _rules);
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
