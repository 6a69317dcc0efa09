using BenchmarkDotNet.Attributes;
using HiTech.Core.Frameworks;
using HiTech.Core.Reference;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;

namespace HiTech.Bench;

/// <summary>
/// The engine's share of a web submission: load one enterprise's inputs, score and explain it (with "what it would
/// take"), and write the explanation as the JSON the platform stores.
/// </summary>
[MemoryDiagnoser]
public class ExplainOneEnterprise
{
    private EnterpriseInput[] _inputs = [];
    private ActivityClassifier _classifier = null!;
    private CompiledFramework _framework = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var reference = ReferenceData.LoadFromDirectory(ReferenceData.LocateDataDirectory(AppContext.BaseDirectory));
        _classifier = new ActivityClassifier(reference);
        var path = Path.Combine(AppContext.BaseDirectory, "data", "frameworks", "kerala-htmf", "2025.1", "framework.yaml");
        _framework = FrameworkLoader.LoadFile(path, _classifier.SectorIds).Framework ?? throw new InvalidOperationException("framework did not load");
        var generator = new RegistryGenerator(_classifier);
        _inputs = [.. Enumerable.Range(0, 64).Select(i => generator.Generate(i, 7).ToInput())];
    }

    [Benchmark]
    public Explanation Explain()
    {
        var (explanation, issues) = Explainer.Explain(_framework, _classifier, _inputs[_next++ & 63]);
        return explanation ?? throw new InvalidOperationException(string.Join("; ", issues));
    }

    [Benchmark]
    public string ExplainAndSerialize() => ExplanationJson.Serialize(Explain(), indented: false);
}
