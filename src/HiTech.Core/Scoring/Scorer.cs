using HiTech.Core.Frameworks;
using HiTech.Core.Reference;

namespace HiTech.Core.Scoring;

/// <summary>
/// Scores the enterprise held in a workspace: activities, engine quantities, derived quantities,
/// indicators, pillars, index, gates and tier, in that order. Allocates nothing; the detailed numbers stay
/// in the workspace for <see cref="Explainer"/>.
/// </summary>
public static class Scorer
{
    public static ScoreSummary Score(ScoringWorkspace workspace)
    {
        var framework = workspace.Framework;
        var values = workspace.Values;
        var sets = workspace.Sets;
        var (hvaActivities, primary) = ScoreActivities(workspace);

        var gatesFailed = framework.Program.Main(values, sets, workspace.Missing, workspace.IndicatorRaw, workspace.IndicatorScores, workspace.IndicatorMissing);
        for (var p = 0; p < framework.Pillars.Length; p++)
        {
            workspace.PillarScores[p] = PillarScore(workspace, p);
        }

        var index = Index(workspace);
        return new ScoreSummary(index, TierFor(framework, index, gatesFailed), gatesFailed, hvaActivities, primary);
    }

    /// <summary>A pillar's 0-100 score: the weighted mean of its indicators' scores, those missing and reweighted left out.</summary>
    internal static double PillarScore(ScoringWorkspace workspace, int pillar)
    {
        var indicators = workspace.Framework.Indicators;
        var weighted = 0.0;
        var weights = 0.0;
        foreach (var i in workspace.Framework.Pillars[pillar].Indicators)
        {
            if (workspace.IndicatorMissing[i] && indicators[i].Definition.WhenMissing == MissingPolicy.Reweight)
            {
                continue;
            }

            weighted += indicators[i].Weight * workspace.IndicatorScores[i];
            weights += indicators[i].Weight;
        }

        return weights > 0 ? weighted / weights : 0;
    }

    /// <summary>The index from the pillar scores in the workspace, rounded to one decimal as it is shown.</summary>
    internal static double Index(ScoringWorkspace workspace)
    {
        var pillars = workspace.Framework.Pillars;
        var rawIndex = 0.0;
        for (var p = 0; p < pillars.Length; p++)
        {
            rawIndex += pillars[p].Weight * workspace.PillarScores[p] / 100;
        }

        return Math.Round(Math.Clamp(rawIndex, 0, 100), 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>The highest tier whose minimum index is reached and whose gates all pass.</summary>
    public static int TierFor(CompiledFramework framework, double index, ulong gatesFailed)
    {
        var tiers = framework.Tiers;
        for (var t = 0; t < tiers.Length; t++)
        {
            if (index < tiers[t].MinIndex)
            {
                continue;
            }

            var passes = true;
            foreach (var g in tiers[t].Gates)
            {
                passes &= (gatesFailed & (1UL << g)) == 0;
            }

            if (passes)
            {
                return t;
            }
        }

        return tiers.Length - 1;
    }

    /// <summary>Classifies each activity against the high-value-added rules and fills the engine quantities.</summary>
    private static (ulong HvaActivities, int Primary) ScoreActivities(ScoringWorkspace workspace)
    {
        var framework = workspace.Framework;
        var count = workspace.ActivityCount;
        var shares = workspace.ActivityShares;

        // Shares not given are split equally; given shares are scaled to sum to 1.
        var total = 0.0;
        var given = true;
        for (var a = 0; a < count; a++)
        {
            given &= !double.IsNaN(shares[a]);
            total += shares[a];
        }

        Span<double> byGroup = stackalloc double[5];
        byGroup.Clear();
        var hvaShare = 0.0;
        var hvaCount = 0;
        var priorityShare = 0.0;
        var hvaActivities = 0UL;
        var primary = -1;
        var primaryShare = -1.0;
        var activityValues = workspace.ActivityValues;
        var activitySets = workspace.ActivitySets;
        var hva = framework.Program.Hva;
        for (var a = 0; a < count; a++)
        {
            var share = given && total > 0 ? shares[a] / total : 1.0 / count;
            ref readonly var facts = ref workspace.ActivityFacts[a];
            activityValues[ActivityQuantities.OecdGroup] = (double)facts.Oecd;
            activityValues[ActivityQuantities.EurostatGroup] = facts.Eurostat;
            activityValues[ActivityQuantities.Share] = share;
            activityValues[ActivityQuantities.Division] = facts.Division;
            activityValues[ActivityQuantities.Priority] = facts.Sectors != 0 ? 1 : 0;
            activitySets[ActivityQuantities.StagesSet] = workspace.ActivityStages[a];
            activitySets[ActivityQuantities.SectorsSet] = facts.Sectors;

            var met = hva(activityValues, activitySets);

            workspace.ActivityHvaRules[a] = met;
            if (met != 0)
            {
                hvaActivities |= 1UL << a;
                hvaShare += share;
                hvaCount++;
            }

            byGroup[(int)facts.Oecd] += share;
            if (facts.Sectors != 0)
            {
                priorityShare += share;
            }

            if (share > primaryShare)
            {
                (primary, primaryShare) = (a, share);
            }
        }

        var values = workspace.Values;
        var engine = framework.Inputs.Length;
        values[engine + EngineQuantities.ShareHigh] = byGroup[(int)OecdGroup.High];
        values[engine + EngineQuantities.ShareHigh + 1] = byGroup[(int)OecdGroup.MediumHigh];
        values[engine + EngineQuantities.ShareHigh + 2] = byGroup[(int)OecdGroup.Medium];
        values[engine + EngineQuantities.ShareHigh + 3] = byGroup[(int)OecdGroup.MediumLow];
        values[engine + EngineQuantities.ShareHigh + 4] = byGroup[(int)OecdGroup.Low];
        values[engine + EngineQuantities.PrimaryOecdGroup] = primary < 0 ? double.NaN : (double)workspace.ActivityFacts[primary].Oecd;
        values[engine + EngineQuantities.PrimaryDivision] = primary < 0 ? double.NaN : workspace.ActivityFacts[primary].Division;
        values[engine + EngineQuantities.HvaShare] = hvaShare;
        values[engine + EngineQuantities.HvaCount] = hvaCount;
        values[engine + EngineQuantities.ActivityCount] = count;
        values[engine + EngineQuantities.PriorityShare] = priorityShare;
        return (hvaActivities, primary);
    }
}
