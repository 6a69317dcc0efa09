using HiTech.Core.Frameworks;
using HiTech.Core.Scoring;
using HiTech.Core.Tests.Reference;

namespace HiTech.Core.Tests.Frameworks;

/// <summary>The shipped reference framework and the classifier, compiled once for the whole test run.</summary>
public static class TestFrameworks
{
    private static readonly Lazy<CompiledFramework> Compiled = new(() => Load(ReferencePath));
    private static readonly Lazy<ActivityClassifier> LazyClassifier = new(() => new ActivityClassifier(TestReference.Data));

    public static string ReferencePath => Path.Combine(TestReference.DataDirectory, "frameworks", "kerala-htmf", "2025.1", "framework.yaml");

    public static CompiledFramework Reference => Compiled.Value;

    public static ActivityClassifier Classifier => LazyClassifier.Value;

    public static CompiledFramework Load(string path)
    {
        var result = FrameworkLoader.LoadFile(path, Classifier.SectorIds);
        return result.Framework ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    }

    public static FrameworkLoadResult LoadText(string yaml, string file = "test.yaml") => FrameworkLoader.Load(yaml, file, Classifier.SectorIds);
}
