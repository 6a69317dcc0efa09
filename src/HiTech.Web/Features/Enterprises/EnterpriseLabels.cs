using HiTech.Core.Reference;

namespace HiTech.Web.Features.Enterprises;

/// <summary>A value-chain stage: its id in the framework and its label in the user's language.</summary>
public sealed record StageOption(string Id, string Label);

/// <summary>The words the pages show for ids: size classes, OECD groups, districts, priority sectors, value-chain stages.</summary>
public sealed class EnterpriseLabels(ReferenceData reference, FrameworkStore frameworks, IStringLocalizer<EnterprisesText> l)
{
    /// <summary>The id of the framework domain that lists the value-chain stages.</summary>
    public const string StageDomainId = "value_chain_stage";

    public string SizeClass(string id) => id switch
    {
        "micro" => l["Micro"],
        "small" => l["Small"],
        "medium" => l["Medium"],
        "large" => l["Large"],
        _ => id,
    };

    public string OecdGroup(string? id) => id switch
    {
        "high" => l["High R&D intensity"],
        "medium-high" => l["Medium-high R&D intensity"],
        "medium" => l["Medium R&D intensity"],
        "medium-low" => l["Medium-low R&D intensity"],
        "low" => l["Low R&D intensity"],
        _ => l["Not grouped"],
    };

    public string LevelName(NicLevel level) => level switch
    {
        Core.Reference.NicLevel.Section => l["section"],
        Core.Reference.NicLevel.Division => l["division"],
        Core.Reference.NicLevel.Group => l["group"],
        Core.Reference.NicLevel.Class => l["class"],
        _ => l["sub-class"],
    };

    /// <summary>A stored district name in the user's language.</summary>
    public string District(string stored) => DistrictNames.Of(reference, stored);

    public static string DistrictName(District district) => DistrictNames.Of(district);

    public string PrioritySector(string id) =>
        reference.PrioritySectors.TryGet(id, out var sector) ? (Language.Current == Language.Malayalam ? sector.NameMl : sector.Name) : id;

    /// <summary>The 14 districts for a select, in the file's order (south to north), values are ids.</summary>
    public IReadOnlyList<(string Id, string Label)> Districts() =>
        [.. reference.Districts.All.Select(d => (d.Id, DistrictName(d)))];

    /// <summary>The districts as select items, after an empty first choice; a stored district name or an id selects its item.</summary>
    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> DistrictItems(string prompt) =>
        [new(prompt, ""), .. Districts().Select(d => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(d.Label, d.Id))];

    /// <summary>The id of a stored district name (Palakkad → palakkad), for selecting it in a form.</summary>
    public string? DistrictId(string? stored) =>
        stored is not null && reference.Districts.TryResolve(stored, out var district) ? district.Id : stored;

    /// <summary>The value-chain stages of the framework in force, with labels in the user's language.</summary>
    public async Task<IReadOnlyList<StageOption>> StagesAsync(CancellationToken cancellationToken)
    {
        var framework = await frameworks.ActiveAsync(cancellationToken);
        return Stages(framework);
    }

    public static IReadOnlyList<StageOption> Stages(CompiledFramework framework)
    {
        var definition = framework.Definition.Domains.FirstOrDefault(d => d.Id == framework.StageDomain.Id);
        return
        [
            .. framework.StageDomain.Values.Select(id => new StageOption(
                id,
                definition is not null && definition.Labels.TryGetValue(id, out var label) ? label.In(Language.Current) : id)),
        ];
    }

    public static string StageLabel(IReadOnlyList<StageOption> stages, string id) =>
        stages.FirstOrDefault(s => s.Id == id)?.Label ?? id;
}
