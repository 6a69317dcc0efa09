namespace HiTech.Core.Frameworks;

/// <summary>What a setting of a framework version is: the numbers and lists an analyst may change in a what-if form.</summary>
public enum FrameworkSettingKind
{
    /// <summary>A pillar's weight in the index (the pillars' weights add up to 100).</summary>
    PillarWeight,

    /// <summary>An indicator's weight within its pillar (a pillar's indicator weights add up to 100).</summary>
    IndicatorWeight,

    /// <summary>The index a tier starts at (0 to 100; tiers highest first).</summary>
    TierMinIndex,

    /// <summary>The gates a tier requires, as a comma-separated list of gate ids.</summary>
    TierGates,
}

/// <summary>
/// One setting of a framework version as it stands, named by the path <see cref="FrameworkDiff"/> uses for it
/// (<c>pillars.rnd.weight</c>, <c>pillars.rnd.indicators.patents.weight</c>, <c>tiers.hitech.min_index</c>,
/// <c>tiers.hitech.gates</c>), so that what a form changes reads the same in the diff of a publication.
/// </summary>
/// <param name="Path">The setting's path in the diff.</param>
/// <param name="Kind">What the setting is.</param>
/// <param name="Element">The id of the pillar, indicator or tier the setting belongs to.</param>
/// <param name="Pillar">The pillar of an indicator; otherwise null.</param>
/// <param name="Value">Numbers written invariantly ("20", "0.5"); gates as ids joined by commas ("" for none).</param>
public sealed record FrameworkSetting(string Path, FrameworkSettingKind Kind, string Element, string? Pillar, string Value);

/// <summary>A setting a form changed: its path, and its value before and after.</summary>
public sealed record FrameworkSettingChange(string Path, string Before, string After);

/// <summary>
/// Why a form's change cannot make a valid framework: the setting (or section: <c>pillars</c>,
/// <c>pillars.rnd.indicators</c>, <c>version</c>; empty for the whole proposal), a stable rule id, the values a
/// sentence about it needs (element ids, sums), and the engine's own sentence in English.
/// </summary>
public sealed record FrameworkEditProblem(string Path, string Rule, IReadOnlyList<string> Values, string Message);

/// <summary>The outcome of a form's changes: the new framework (its YAML, compiled) and what changed, or the problems.</summary>
public sealed record FrameworkEditResult(
    string? Yaml,
    CompiledFramework? Framework,
    IReadOnlyList<FrameworkSettingChange> Changes,
    IReadOnlyList<FrameworkEditProblem> Problems);
