using System.Collections.Immutable;

namespace HiTech.Core.Reference;

/// <summary>One NIC 2008 code with the classifications the catalog derived for it.</summary>
/// <param name="Classification">Always "nic2008" for now; stored so NIC 2025 codes can live beside it later.</param>
/// <param name="Level">Section, division, group, class or sub-class.</param>
/// <param name="Code">A section letter or 2 to 5 digits.</param>
/// <param name="Title">The repaired NIC 2008 title.</param>
/// <param name="Section">The section letter the code belongs to.</param>
/// <param name="Isic4">The 4-digit ISIC Rev.4 class for classes and sub-classes; null above class level.</param>
/// <param name="OecdGroup">Null only where the code's classes fall in different groups (e.g. division 30, section C).</param>
/// <param name="OecdBasis">How the group was assigned, in words a reviewer can check.</param>
/// <param name="EurostatGroup">A Eurostat aggregate id, or "mixed" above class level when the classes differ.</param>
/// <param name="PrioritySectors">Kerala Industrial Policy 2023 priority sector ids whose NIC prefixes cover this code.</param>
public sealed record NicEntry(
    string Classification,
    NicLevel Level,
    string Code,
    string Title,
    string Section,
    string? Isic4,
    OecdGroup? OecdGroup,
    string OecdBasis,
    string EurostatGroup,
    ImmutableArray<string> PrioritySectors);
