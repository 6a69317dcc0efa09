using System.Collections.Immutable;

namespace HiTech.Core.Reference;

/// <summary>A Kerala Industrial Policy 2023 priority sector and the NIC 2008 prefixes that honestly belong to it.</summary>
/// <param name="Id">Kebab-case id, e.g. "medical-equipment".</param>
/// <param name="Name">The sector's name as the policy gives it.</param>
/// <param name="NameMl">The name in Malayalam.</param>
/// <param name="CrossCutting">True where no NIC code identifies the sector: membership is declared and evidenced, not derived.</param>
/// <param name="NicPrefixes">NIC prefixes (2 to 5 digits) whose codes belong to the sector; may be empty for cross-cutting sectors.</param>
/// <param name="Note">Why these prefixes, and what they leave out.</param>
public sealed record PrioritySector(string Id, string Name, string NameMl, bool CrossCutting, ImmutableArray<string> NicPrefixes, string Note);
