using System.Collections.Concurrent;
using HiTech.Core.Collaboration;
using HiTech.Core.Reference;

namespace HiTech.Web.Kernel;

/// <summary>
/// Core's <see cref="CollaborationData"/> for a framework version (its stage and certification ids), loaded once per
/// version from the shipped data folder: every feature that checks or shows a provider's or a need's codes asks here.
/// </summary>
public sealed class CollaborationVocabulary(ReferenceData reference)
{
    private static readonly string DataDirectory = Path.Combine(AppContext.BaseDirectory, "reference-data");

    private readonly ConcurrentDictionary<(string Id, string Version), CollaborationData> _loaded = new();

    public CollaborationData For(CompiledFramework framework) =>
        _loaded.GetOrAdd((framework.Id, framework.Version), _ => CollaborationData.Load(DataDirectory, reference, framework));

    /// <summary>A term's name in the user's language; an id no longer in the vocabulary as stored.</summary>
    public static string Name(Vocabulary vocabulary, string id)
    {
        var index = vocabulary.IndexOf(id);
        if (index < 0)
        {
            return id;
        }

        var term = vocabulary.Terms[index];
        return Language.Current == Language.Malayalam ? term.NameMl : term.Name;
    }

    /// <summary>A framework domain value's label (stages, certifications) in the user's language.</summary>
    public static string Label(CompiledFramework framework, string domain, string id) =>
        framework.Definition.Domains.FirstOrDefault(d => d.Id == domain) is { } definition && definition.Labels.TryGetValue(id, out var label)
            ? label.In(Language.Current)
            : id;
}
