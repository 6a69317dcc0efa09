using System.Collections.Immutable;

namespace HiTech.Core.Frameworks;

/// <summary>
/// An input a firm can move itself (the framework's <c>levers</c> block), as written: how hard one step of change is
/// relative to the other levers, how big a step is, the most steps a plan may propose and the schemes that help pay.
/// A step is <see cref="Step"/> in the input's own units, or with <see cref="StepOf"/> that share of another input
/// (so a rupee step scales with the business). Code lists and choices may price each value in <see cref="Efforts"/>.
/// </summary>
public sealed record LeverDefinition(
    string Input,
    double Effort,
    double? Step,
    string? StepOf,
    int? MaxSteps,
    ImmutableDictionary<string, double> Efforts,
    ImmutableArray<string> Schemes,
    SourcePosition Position,
    ImmutableDictionary<string, SourcePosition> FieldPositions)
{
    /// <summary>Where a field's value is in the file, or the lever itself when the field is not written.</summary>
    public SourcePosition At(string field) => FieldPositions.TryGetValue(field, out var at) ? at : Position;
}

/// <summary>
/// A validated lever. <see cref="ValueEfforts"/> holds, for an enum or code-list input, the effort of choosing or
/// adding each domain value (by value index); numbers and yes/no inputs use <see cref="Effort"/> per step.
/// </summary>
public sealed record CompiledLever(LeverDefinition Definition, CompiledInput Input, CompiledInput? StepOf, ImmutableArray<double> ValueEfforts)
{
    public double Effort => Definition.Effort;

    /// <summary>The most steps a plan may take on this lever (for a code list, the most codes added at once).</summary>
    public int MaxSteps => Definition.MaxSteps ?? 1;
}
