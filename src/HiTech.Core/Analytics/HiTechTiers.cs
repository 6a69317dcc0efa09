using HiTech.Core.Frameworks;

namespace HiTech.Core.Analytics;

/// <summary>
/// Which tiers count as hi-tech in the indicators: those for which the framework requires at least one gate, i.e.
/// proven hi-tech traits such as R&amp;D presence (in kerala-htmf 2025.1: hitech-leader and hitech; emerging and
/// conventional require none). A framework states its tiers, so the rule follows any version.
/// </summary>
public static class HiTechTiers
{
    public static bool IsHiTech(CompiledTier tier) => tier.Definition.Gates.Length > 0;

    public static IReadOnlySet<string> Of(CompiledFramework framework) =>
        framework.Tiers.Where(IsHiTech).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
}
