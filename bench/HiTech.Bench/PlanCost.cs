using System.Diagnostics;
using System.Globalization;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;

namespace HiTech.Bench;

/// <summary>
/// `plans N`: the cost of finding plans to reach the next tier, per enterprise, over N generated enterprises (after a
/// warm-up): mean, median, 99th percentile and worst, with how many got plans, only a closest attempt, or were top tier.
/// </summary>
public static class PlanCost
{
    public static int Run(int count)
    {
        var (classifier, framework) = ReferenceFramework.Load();
        var generator = new RegistryGenerator(classifier);
        var workspaces = new List<(ScoringWorkspace Workspace, ScoreSummary Summary)>();
        for (var i = 0; workspaces.Count < count; i++)
        {
            var (workspace, issues) = EnterpriseLoader.Load(framework, classifier, generator.Generate(i, 7).ToInput());
            if (issues.Count == 0)
            {
                workspaces.Add((workspace, Scorer.Score(workspace)));
            }
        }

        foreach (var (workspace, summary) in workspaces.Take(200).Where(w => w.Summary.Tier > 0))
        {
            NextTierPlanner.Find(workspace, summary);
        }

        var times = new List<double>();
        var (withPlans, closestOnly, top) = (0, 0, 0);
        foreach (var (workspace, summary) in workspaces)
        {
            if (summary.Tier == 0)
            {
                top++;
                continue;
            }

            var watch = Stopwatch.StartNew();
            var plans = NextTierPlanner.Find(workspace, summary);
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (plans.Plans.Count > 0)
            {
                withPlans++;
            }
            else
            {
                closestOnly++;
            }
        }

        times.Sort();
        string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " ms";
        Console.WriteLine($"enterprises {count}: with plans {withPlans}, closest only {closestOnly}, top tier {top}");
        Console.WriteLine($"per enterprise: mean {Ms(times.Average())}, median {Ms(times[times.Count / 2])}, p99 {Ms(times[(int)(times.Count * 0.99)])}, worst {Ms(times[^1])}");
        return 0;
    }
}
