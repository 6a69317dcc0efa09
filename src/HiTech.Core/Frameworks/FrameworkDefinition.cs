using System.Collections.Immutable;

namespace HiTech.Core.Frameworks;

/// <summary>
/// A framework exactly as written in its definition file, before validation and compilation.
/// Every element keeps its position so that errors and diffs can point into the file.
/// </summary>
public sealed record FrameworkDefinition(
    string Id,
    string Version,
    DateOnly Effective,
    LocalText Title,
    LocalText Description,
    ImmutableArray<DomainDefinition> Domains,
    ImmutableArray<InputDefinition> Inputs,
    ImmutableArray<DerivedDefinition> Derived,
    ImmutableArray<TableDefinition> Tables,
    ImmutableArray<PillarDefinition> Pillars,
    ImmutableArray<GateDefinition> Gates,
    ImmutableArray<TierDefinition> Tiers,
    ImmutableArray<HvaRuleDefinition> HvaRules,
    ImmutableArray<CheckDefinition> Checks,
    ImmutableArray<EvidenceRequirement> Evidence,
    ImmutableArray<LeverDefinition> Levers);

/// <summary>A named list of allowed values, lowest first when <see cref="Ordered"/>.</summary>
public sealed record DomainDefinition(string Id, ImmutableArray<string> Values, ImmutableDictionary<string, LocalText> Labels, bool Ordered, SourcePosition Position);

public sealed record InputDefinition(
    string Id,
    InputType Type,
    bool Required,
    double? Min,
    double? Max,
    string? Domain,
    string? Pillar,
    InputLever Lever,
    LocalText Title,
    LocalText Help,
    SourcePosition Position);

public sealed record DerivedDefinition(string Id, string Expression, LocalText Title, SourcePosition Position, ExpressionLocation ExpressionAt);

public sealed record TableDefinition(string Id, string Key, ImmutableDictionary<string, double> Values, double Default, string Source, SourcePosition Position);

public sealed record PillarDefinition(string Id, LocalText Title, double Weight, ImmutableArray<IndicatorDefinition> Indicators, SourcePosition Position);

/// <summary>What to do with an indicator whose inputs are missing: score it 0 (said so) or drop it and share its weight out within the pillar.</summary>
public enum MissingPolicy
{
    Zero,
    Reweight,
}

public sealed record IndicatorDefinition(
    string Id,
    LocalText Title,
    string Expression,
    string Unit,
    Normalisation Normalise,
    double Weight,
    MissingPolicy WhenMissing,
    LocalText Explain,
    SourcePosition Position,
    ExpressionLocation ExpressionAt);

public sealed record GateDefinition(string Id, LocalText Title, string Rule, LocalText Explain, SourcePosition Position, ExpressionLocation RuleAt);

public sealed record TierDefinition(string Id, LocalText Title, double MinIndex, ImmutableArray<string> Gates, LocalText Meaning, SourcePosition Position);

public sealed record HvaRuleDefinition(string Id, string Rule, LocalText Explain, SourcePosition Position, ExpressionLocation RuleAt);

/// <summary>A consistency rule across inputs (STEM staff within staff, R&amp;D spend within turnover). A row that breaks it is rejected.</summary>
public sealed record CheckDefinition(string Id, string Rule, ImmutableArray<string> Fields, LocalText Message, SourcePosition Position, ExpressionLocation RuleAt);

/// <summary>To certify <see cref="Tier"/>, each listed input needs at least <see cref="Level"/>.</summary>
public sealed record EvidenceRequirement(string Tier, EvidenceLevel Level, ImmutableArray<string> Inputs, SourcePosition Position);
