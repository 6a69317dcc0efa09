using HiTech.Core.Frameworks;
using HiTech.Core.Reference;
using HiTech.Core.Scoring;

namespace HiTech.Bench;

/// <summary>The shipped reference framework and the classifier, loaded from the data copied beside the bench.</summary>
public static class ReferenceFramework
{
    public static (ActivityClassifier Classifier, CompiledFramework Framework) Load()
    {
        var reference = ReferenceData.LoadFromDirectory(ReferenceData.LocateDataDirectory(AppContext.BaseDirectory));
        var classifier = new ActivityClassifier(reference);
        var path = Path.Combine(AppContext.BaseDirectory, "data", "frameworks", "kerala-htmf", "2025.1", "framework.yaml");
        var framework = FrameworkLoader.LoadFile(path, classifier.SectorIds).Framework ?? throw new InvalidOperationException("framework did not load");
        return (classifier, framework);
    }
}
