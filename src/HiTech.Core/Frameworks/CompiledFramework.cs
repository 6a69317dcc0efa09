using System.Collections.Immutable;
using HiTech.Core.Expressions;

namespace HiTech.Core.Frameworks;

/// <summary>
/// A validated framework with every expression compiled to a delegate and every name resolved to a slot.
/// Immutable and safe to share between threads; each thread scores with its own <see cref="Scoring.ScoringWorkspace"/>.
/// </summary>
public sealed class CompiledFramework
{
    internal CompiledFramework(
        FrameworkDefinition definition,
        string file,
        ImmutableArray<CompiledInput> inputs,
        ImmutableArray<CompiledDerived> derived,
        ImmutableArray<CompiledPillar> pillars,
        ImmutableArray<CompiledIndicator> indicators,
        ImmutableArray<CompiledGate> gates,
        ImmutableArray<CompiledTier> tiers,
        ImmutableArray<CompiledRule> hvaRules,
        ImmutableArray<CompiledRule> checks,
        ImmutableArray<CompiledLever> levers,
        ImmutableDictionary<string, Domain> domains,
        Domain stageDomain,
        int valueCount,
        int setCount)
    {
        Definition = definition;
        File = file;
        Inputs = inputs;
        Derived = derived;
        Pillars = pillars;
        Indicators = indicators;
        Gates = gates;
        Tiers = tiers;
        HvaRules = hvaRules;
        Checks = checks;
        Levers = levers;
        Domains = domains;
        StageDomain = stageDomain;
        ValueCount = valueCount;
        SetCount = setCount;
        InputsById = inputs.ToImmutableDictionary(i => i.Id, StringComparer.Ordinal);
        _program = new Lazy<Scoring.ScoringProgram>(() => Scoring.ScoringProgram.Build(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private readonly Lazy<Scoring.ScoringProgram> _program;

    /// <summary>The framework compiled as one program, built on the first score.</summary>
    internal Scoring.ScoringProgram Program => _program.Value;

    public FrameworkDefinition Definition { get; }

    public string File { get; }

    public string Id => Definition.Id;

    public string Version => Definition.Version;

    public ImmutableArray<CompiledInput> Inputs { get; }

    public ImmutableDictionary<string, CompiledInput> InputsById { get; }

    public ImmutableArray<CompiledDerived> Derived { get; }

    public ImmutableArray<CompiledPillar> Pillars { get; }

    public ImmutableArray<CompiledIndicator> Indicators { get; }

    public ImmutableArray<CompiledGate> Gates { get; }

    /// <summary>Highest first; the last one takes every enterprise the others do not.</summary>
    public ImmutableArray<CompiledTier> Tiers { get; }

    public ImmutableArray<CompiledRule> HvaRules { get; }

    public ImmutableArray<CompiledRule> Checks { get; }

    /// <summary>The inputs a plan to reach the next tier may change, with their relative effort.</summary>
    public ImmutableArray<CompiledLever> Levers { get; }

    public ImmutableDictionary<string, Domain> Domains { get; }

    /// <summary>The value-chain stages an activity can be declared with.</summary>
    public Domain StageDomain { get; }

    /// <summary>Length of the value vector: inputs, engine quantities, derived quantities.</summary>
    public int ValueCount { get; }

    public int SetCount { get; }

    public int EngineSlot(int engineQuantity) => Inputs.Length + engineQuantity;

    public int TierIndex(string id)
    {
        for (var i = 0; i < Tiers.Length; i++)
        {
            if (Tiers[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>An input with its slot: <c>values[Slot]</c>, and for code lists <c>sets[SetIndex]</c>; <see cref="Bit"/> is its missing-mask bit.</summary>
public sealed record CompiledInput(InputDefinition Definition, int Slot, int SetIndex, Domain? Domain, double Min, double Max)
{
    public string Id => Definition.Id;

    public InputType Type => Definition.Type;

    public InputLever Lever => Definition.Lever;

    public ulong Bit => 1UL << Slot;
}

public sealed record CompiledDerived(DerivedDefinition Definition, int Slot, CompiledExpression Expression);

public sealed record CompiledPillar(PillarDefinition Definition, ImmutableArray<int> Indicators)
{
    public string Id => Definition.Id;

    public double Weight => Definition.Weight;
}

public sealed record CompiledIndicator(IndicatorDefinition Definition, int Pillar, CompiledExpression Expression)
{
    public string Id => Definition.Id;

    public double Weight => Definition.Weight;

    public Normalisation Normalise => Definition.Normalise;
}

public sealed record CompiledGate(GateDefinition Definition, CompiledExpression Rule)
{
    public string Id => Definition.Id;
}

public sealed record CompiledTier(TierDefinition Definition, ImmutableArray<int> Gates, ImmutableArray<EvidenceRequirement> Evidence)
{
    public string Id => Definition.Id;

    public double MinIndex => Definition.MinIndex;
}

/// <summary>A compiled boolean rule: a high-value-added activity rule or a consistency check.</summary>
public sealed record CompiledRule(string Id, LocalText Explain, ImmutableArray<string> Fields, CompiledExpression Rule);
