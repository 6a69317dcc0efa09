using System.Diagnostics;
using System.Globalization;
using HiTech.Core.Frameworks;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;

namespace HiTech.Bench;

/// <summary>
/// `explain-stages N`: where the time of ExplainOneEnterprise goes, stage by stage (load the inputs, find the plans,
/// the rest of the explanation, the stored JSON), as the mean per enterprise over N rounds of the same 64 enterprises (wall and thread CPU time),
/// with the bytes each stage allocates, and how many scorings the plan search made. The profile behind the figures in bench/RESULTS.md.
/// </summary>
public static class ExplainStages
{
    public static int Run(int rounds)
    {
        var (classifier, framework) = ReferenceFramework.Load();
        var generator = new RegistryGenerator(classifier);
        var inputs = Enumerable.Range(0, 64).Select(i => generator.Generate(i, 7).ToInput()).ToArray();
        var stages = new[] { "load inputs", "plans", "explanation without plans", "stored JSON", "one try of a plan (check + score)", "one try as the search makes it" };
        var ticks = new long[stages.Length];
        var bytes = new long[stages.Length];
        var cpu = new double[stages.Length];
        var (searched, tries) = (0L, 0L);
        var next = 0;
        for (var round = -Math.Min(rounds, 200); round < rounds; round++)
        {
            foreach (var input in inputs)
            {
                var measured = round >= 0;
                var (workspace, _) = Time(0, () => EnterpriseLoader.Load(framework, classifier, input));
                var summary = Scorer.Score(workspace);
                if (summary.Tier > 0)
                {
                    var scorings = 0;
                    Time(1, () => NextTierPlanner.Find(workspace, summary, null, out scorings));
                    if (measured)
                    {
                        (searched, tries) = (searched + 1, tries + scorings);
                    }
                }

                // The whole explanation minus the plans measured alone just before.
                var explanation = Time(2, () => Explainer.Explain(workspace, input.Id, input.Name, classifier));
                Time(3, () => ExplanationJson.Serialize(explanation, indented: false));

                // What each of the plan search's tries costs at least: the framework's checks and a scoring.
                Time(4, () => EnterpriseLoader.FirstFailedCheck(workspace) is null ? Scorer.Score(workspace) : default);

                // The same try as the search makes it: one lever set (to today's value; the work is the same) and only
                // what it feeds rescored, then put back. Measured beside the line above, so the load weighs on both alike.
                var incremental = new IncrementalScorer(workspace);
                var lever = framework.Levers[next++ % framework.Levers.Length].Input;
                Time(5, () =>
                {
                    if (lever.Type == InputType.Codes)
                    {
                        incremental.SetCodes(lever, workspace.Sets[lever.SetIndex]);
                    }
                    else
                    {
                        incremental.SetValue(lever, workspace.IsMissing(lever) ? 0 : workspace.Values[lever.Slot]);
                    }

                    var result = incremental.Score();
                    incremental.Reset();
                    return result;
                });

                T Time<T>(int stage, Func<T> work)
                {
                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    var cpuStarted = MatchCheck.ThreadCpuMilliseconds();
                    var started = Stopwatch.GetTimestamp();
                    var result = work();
                    if (measured)
                    {
                        ticks[stage] += Stopwatch.GetTimestamp() - started;
                        cpu[stage] += MatchCheck.ThreadCpuMilliseconds() - cpuStarted;
                        bytes[stage] += GC.GetAllocatedBytesForCurrentThread() - allocated;
                    }

                    return result;
                }
            }
        }

        ticks[2] -= ticks[1];
        bytes[2] -= bytes[1];
        cpu[2] -= cpu[1];
        var count = (double)rounds * inputs.Length;
        for (var s = 0; s < stages.Length; s++)
        {
            var micros = ticks[s] * 1_000_000.0 / Stopwatch.Frequency / count;
            var cpuMicros = cpu[s] * 1000 / count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stages[s],-34} {micros,8:0.00} us {cpuMicros,8:0.00} us cpu {bytes[s] / count / 1024,8:0.0} KB"));
        }

        // The search's own count of scorings, and its time per scoring with the search's other work included.
        var perSearch = (double)tries / Math.Max(searched, 1);
        var perTry = cpu[1] * 1000 / Math.Max(tries, 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"plan searches: {searched / rounds} of {inputs.Length} enterprises, {perSearch:0} scorings each, {perTry:0.000} us cpu per scoring (search included)"));

        return 0;
    }
}
