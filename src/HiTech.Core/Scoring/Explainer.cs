using System.Numerics;
using HiTech.Core.Frameworks;
using HiTech.Core.Maturity;
using HiTech.Core.Reference;

namespace HiTech.Core.Scoring;

/// <summary>
/// Builds the full <see cref="Explanation"/> of an enterprise already placed in a workspace. This is the
/// slow, allocating path used for one enterprise at a time (web pages, <c>hitech explain</c>), never per registry row.
/// </summary>
public static class Explainer
{
    /// <summary>Loads an enterprise into a fresh workspace and explains it; the issues instead when it cannot be scored.</summary>
    /// <remarks><paramref name="schemes"/> names the support schemes beside each change of a plan; without it plans name none.</remarks>
    public static (Explanation? Explanation, IReadOnlyList<InputIssue> Issues) Explain(CompiledFramework framework, ActivityClassifier classifier, EnterpriseInput enterprise, SchemeCatalog? schemes = null)
    {
        var (workspace, issues) = EnterpriseLoader.Load(framework, classifier, enterprise);
        return issues.Count > 0 ? (null, issues) : (Explain(workspace, enterprise.Id, enterprise.Name, classifier, schemes), issues);
    }

    public static Explanation Explain(ScoringWorkspace workspace, string enterpriseId, string? enterpriseName, ActivityClassifier classifier, SchemeCatalog? schemes = null)
    {
        var framework = workspace.Framework;
        var summary = Scorer.Score(workspace);
        var activities = ExplainActivities(workspace, classifier);
        var pillars = ExplainPillars(workspace);
        var gates = new List<GateOutcome>(framework.Gates.Length);
        for (var g = 0; g < framework.Gates.Length; g++)
        {
            var gate = framework.Gates[g];
            gates.Add(new GateOutcome(gate.Id, gate.Definition.Title, (summary.GatesFailed & (1UL << g)) == 0, MissingInputs(workspace, gate.Rule.MissingMask), gate.Definition.Explain));
        }

        var inputs = new List<InputOutcome>(framework.Inputs.Length);
        foreach (var input in framework.Inputs)
        {
            var missing = workspace.IsMissing(input);
            inputs.Add(new InputOutcome(
                input.Id,
                input.Definition.Title,
                InputTypes.ToId(input.Type),
                missing ? null : ValueText.OfWorkspace(workspace, input),
                missing ? "missing" : EvidenceLevels.ToId(workspace.Evidence[input.Slot])));
        }

        var plans = summary.Tier == 0 ? null : NextTierPlanner.Find(workspace, summary, schemes);

        return new Explanation(
            framework.Id,
            framework.Version,
            enterpriseId,
            enterpriseName,
            summary.Index,
            Tier(framework.Tiers[summary.Tier]),
            summary.Tier == 0 ? null : Tier(framework.Tiers[summary.Tier - 1]),
            activities,
            pillars,
            gates,
            inputs,
            Certify(workspace, summary.Tier),
            plans);
    }

    private static TierOutcome Tier(CompiledTier tier) =>
        new(tier.Id, tier.Definition.Title, tier.MinIndex, tier.Definition.Meaning, tier.Definition.Gates);

    private static List<ActivityOutcome> ExplainActivities(ScoringWorkspace workspace, ActivityClassifier classifier)
    {
        var framework = workspace.Framework;
        var list = new List<ActivityOutcome>();
        var total = 0.0;
        var given = true;
        for (var a = 0; a < workspace.ActivityCount; a++)
        {
            given &= !double.IsNaN(workspace.ActivityShares[a]);
            total += workspace.ActivityShares[a];
        }

        for (var a = 0; a < workspace.ActivityCount; a++)
        {
            var facts = workspace.ActivityFacts[a];
            var met = workspace.ActivityHvaRules[a];
            var reasons = new List<RuleReason>(BitOperations.PopCount(met));
            for (var r = 0; r < framework.HvaRules.Length; r++)
            {
                if ((met & (1UL << r)) != 0)
                {
                    reasons.Add(new RuleReason(framework.HvaRules[r].Id, framework.HvaRules[r].Explain));
                }
            }

            var stages = Members(framework.StageDomain.Values, workspace.ActivityStages[a]);
            var oecd = OecdGroups.ToId(facts.Oecd);
            var whyNot = met != 0 ? null
                : $"meets no high-value-added rule: OECD group {oecd}, value-chain stages {(stages.Count == 0 ? "not declared" : string.Join(", ", stages))}";
            list.Add(new ActivityOutcome(
                facts.Entry.Code,
                facts.Entry.Title,
                facts.Entry.Isic4,
                oecd,
                facts.Entry.OecdBasis,
                facts.Entry.EurostatGroup,
                Members(classifier.SectorIds, facts.Sectors),
                Round(given && total > 0 ? workspace.ActivityShares[a] / total : 1.0 / workspace.ActivityCount, 4),
                stages,
                met != 0,
                reasons,
                whyNot));
        }

        return list;
    }

    private static List<PillarOutcome> ExplainPillars(ScoringWorkspace workspace)
    {
        var framework = workspace.Framework;
        var pillars = new List<PillarOutcome>();
        for (var p = 0; p < framework.Pillars.Length; p++)
        {
            var pillar = framework.Pillars[p];
            var counted = 0.0;
            foreach (var i in pillar.Indicators)
            {
                if (!(workspace.IndicatorMissing[i] && framework.Indicators[i].Definition.WhenMissing == MissingPolicy.Reweight))
                {
                    counted += framework.Indicators[i].Weight;
                }
            }

            var indicators = new List<IndicatorOutcome>(pillar.Indicators.Length);
            foreach (var i in pillar.Indicators)
            {
                var indicator = framework.Indicators[i];
                var missing = workspace.IndicatorMissing[i];
                var reweighted = missing && indicator.Definition.WhenMissing == MissingPolicy.Reweight;
                var weight = reweighted || counted == 0 ? 0 : indicator.Weight / counted * 100;
                var treatment = !missing ? "scored" : reweighted ? "missing: left out, its weight shared by the pillar's other criteria" : "missing: scored 0";
                indicators.Add(new IndicatorOutcome(
                    indicator.Id,
                    indicator.Definition.Title,
                    indicator.Definition.Unit,
                    missing ? null : Round(workspace.IndicatorRaw[i], 6),
                    MissingInputs(workspace, indicator.Expression.MissingMask),
                    Round(workspace.IndicatorScores[i], 2),
                    Round(weight, 2),
                    Round(pillar.Weight / 100 * weight / 100 * workspace.IndicatorScores[i], 2),
                    treatment,
                    indicator.Definition.Explain));
            }

            pillars.Add(new PillarOutcome(pillar.Id, pillar.Definition.Title, pillar.Weight, Round(workspace.PillarScores[p], 2), Round(pillar.Weight * workspace.PillarScores[p] / 100, 2), indicators));
        }

        return pillars;
    }

    /// <summary>Rounded for reading; the index itself is computed from unrounded values.</summary>
    private static double Round(double value, int digits) => double.IsFinite(value) ? Math.Round(value, digits, MidpointRounding.AwayFromZero) : value;

    private static List<string> MissingInputs(ScoringWorkspace workspace, ulong mask)
    {
        var missing = mask & workspace.Missing;
        var list = new List<string>(BitOperations.PopCount(missing));
        foreach (var input in workspace.Framework.Inputs)
        {
            if ((missing & input.Bit) != 0)
            {
                list.Add(input.Id);
            }
        }

        return list;
    }

    private static CertificationOutcome Certify(ScoringWorkspace workspace, int scoredTier)
    {
        var tiers = workspace.Framework.Tiers;
        var gaps = Gaps(workspace, tiers[scoredTier]);
        var certifiable = scoredTier;
        while (certifiable < tiers.Length - 1 && Gaps(workspace, tiers[certifiable]).Count > 0)
        {
            certifiable++;
        }

        return new CertificationOutcome(tiers[scoredTier].Id, tiers[scoredTier].Definition.Title, tiers[certifiable].Id, tiers[certifiable].Definition.Title, gaps);
    }

    private static List<EvidenceGap> Gaps(ScoringWorkspace workspace, CompiledTier tier)
    {
        var gaps = new List<EvidenceGap>();
        foreach (var requirement in tier.Evidence)
        {
            foreach (var id in requirement.Inputs)
            {
                var input = workspace.Framework.InputsById[id];
                if (workspace.IsMissing(input))
                {
                    gaps.Add(new EvidenceGap(tier.Id, id, EvidenceLevels.ToId(requirement.Level), "missing"));
                }
                else if (workspace.Evidence[input.Slot] < requirement.Level)
                {
                    gaps.Add(new EvidenceGap(tier.Id, id, EvidenceLevels.ToId(requirement.Level), EvidenceLevels.ToId(workspace.Evidence[input.Slot])));
                }
            }
        }

        return gaps;
    }

    private static List<string> Members(IReadOnlyList<string> values, ulong bits)
    {
        var list = new List<string>();
        for (var i = 0; i < values.Count && i < 64; i++)
        {
            if ((bits & (1UL << i)) != 0)
            {
                list.Add(values[i]);
            }
        }

        return list;
    }
}
