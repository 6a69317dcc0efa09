using System.Runtime.CompilerServices;

namespace HiTech.Web.Features.Assessments;

/// <summary>One page of the input journey: the inputs with no pillar ("About your business") or one pillar's inputs.</summary>
public sealed record InputGroup(string Id, LocalText? Title, int Number, IReadOnlyList<CompiledInput> Inputs)
{
    public bool IsAbout => Id == InputGroups.AboutId;
}

/// <summary>
/// Splits a framework's inputs into pages: inputs with no pillar come first as "About your business", then
/// one page per pillar that has inputs, in the framework's order. Computed once per compiled framework.
/// </summary>
public static class InputGroups
{
    public const string AboutId = "about";

    private static readonly ConditionalWeakTable<CompiledFramework, IReadOnlyList<InputGroup>> Cache = [];

    public static IReadOnlyList<InputGroup> For(CompiledFramework framework) => Cache.GetValue(framework, Build);

    public static InputGroup? Find(CompiledFramework framework, string? id) =>
        For(framework).FirstOrDefault(g => string.Equals(g.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The group an input belongs to.</summary>
    public static InputGroup Of(CompiledFramework framework, string inputId) =>
        For(framework).First(g => g.Inputs.Any(i => i.Id == inputId));

    public static InputGroup? Next(CompiledFramework framework, InputGroup group)
    {
        var groups = For(framework);
        return group.Number < groups.Count ? groups[group.Number] : null;
    }

    private static IReadOnlyList<InputGroup> Build(CompiledFramework framework)
    {
        var groups = new List<InputGroup>();
        var about = framework.Inputs.Where(i => i.Definition.Pillar is null).ToList();
        if (about.Count > 0)
        {
            groups.Add(new InputGroup(AboutId, null, groups.Count + 1, about));
        }

        foreach (var pillar in framework.Pillars)
        {
            var inputs = framework.Inputs.Where(i => i.Definition.Pillar == pillar.Id).ToList();
            if (inputs.Count > 0)
            {
                groups.Add(new InputGroup(pillar.Id, pillar.Definition.Title, groups.Count + 1, inputs));
            }
        }

        // An input naming a pillar the framework does not have still gets a page (the compiler should refuse it).
        var placed = groups.SelectMany(g => g.Inputs).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var rest = framework.Inputs.Where(i => !placed.Contains(i.Id)).ToList();
        if (rest.Count > 0)
        {
            groups.Add(new InputGroup("other", new LocalText("Other questions", "മറ്റ് ചോദ്യങ്ങൾ"), groups.Count + 1, rest));
        }

        return groups;
    }
}
