using BenchmarkDotNet.Attributes;
using HiTech.Core.Frameworks;
using HiTech.Core.Reference;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;

namespace HiTech.Bench;

/// <summary>
/// Scoring one enterprise already in a workspace, the inner step of every registry row and every web
/// submission. Goal: under 2 microseconds and no allocation in steady state (output excluded).
/// </summary>
[MemoryDiagnoser]
public class ScoreOneEnterprise
{
    private ScoringWorkspace[] _workspaces = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var reference = ReferenceData.LoadFromDirectory(ReferenceData.LocateDataDirectory(AppContext.BaseDirectory));
        var classifier = new ActivityClassifier(reference);
        var path = Path.Combine(AppContext.BaseDirectory, "data", "frameworks", "kerala-htmf", "2025.1", "framework.yaml");
        var framework = FrameworkLoader.LoadFile(path, classifier.SectorIds).Framework ?? throw new InvalidOperationException("framework did not load");
        var generator = new RegistryGenerator(classifier);

        // A spread of enterprises so branch prediction does not flatter the figure.
        _workspaces = [.. Enumerable.Range(0, 64).Select(i =>
        {
            var workspace = new ScoringWorkspace(framework);
            var issues = EnterpriseLoader.Fill(workspace, classifier, generator.Generate(i, 7).ToInput());
            return issues.Count == 0 ? workspace : throw new InvalidOperationException(string.Join("; ", issues));
        })];
    }

    [Benchmark]
    public double Score()
    {
        var workspace = _workspaces[_next++ & 63];
        return Scorer.Score(workspace).Index;
    }
}
