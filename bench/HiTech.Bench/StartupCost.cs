using System.Diagnostics;
using System.Globalization;
using HiTech.Core.Frameworks;
using HiTech.Core.Reference;
using HiTech.Core.Scoring;

namespace HiTech.Bench;

/// <summary>`startup`: the fixed cost before the first row is scored, cold, step by step.</summary>
public static class StartupCost
{
    public static int Run()
    {
        var watch = Stopwatch.StartNew();
        var reference = ReferenceData.LoadFromDirectory(ReferenceData.LocateDataDirectory(AppContext.BaseDirectory));
        Step("reference data", watch);
        var classifier = new ActivityClassifier(reference);
        Step("activity classifier", watch);
        var path = Path.Combine(AppContext.BaseDirectory, "data", "frameworks", "kerala-htmf", "2025.1", "framework.yaml");
        var yaml = File.ReadAllText(path);
        var (definition, _) = FrameworkYamlReader.Read(yaml, path);
        Step("framework YAML read", watch);
        var framework = FrameworkLoader.Load(yaml, path, classifier.SectorIds).Framework!;
        Step("framework read + compiled", watch);
        var workspace = new ScoringWorkspace(framework);
        workspace.AddActivity(classifier.TryClassify("26101", out var facts) ? facts : default, double.NaN, 0);
        Scorer.Score(workspace);
        Step("first score", watch);
        return definition is null ? 1 : 0;
    }

    private static void Step(string label, Stopwatch watch)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-28} {watch.Elapsed.TotalMilliseconds,8:0.0} ms"));
        watch.Restart();
    }
}
