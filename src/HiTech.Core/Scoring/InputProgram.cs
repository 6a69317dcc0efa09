using HiTech.Core.Expressions;
using HiTech.Core.Frameworks;

namespace HiTech.Core.Scoring;

/// <summary>Which derived quantities, indicators, gates and checks a compiled program computes, by index.</summary>
internal sealed record ProgramPart(bool[] Derived, bool[] Indicators, bool[] Gates, bool[] Checks)
{
    public static ProgramPart All(CompiledFramework framework) => new(
        [.. framework.Derived.Select(_ => true)],
        [.. framework.Indicators.Select(_ => true)],
        [.. framework.Gates.Select(_ => true)],
        [.. framework.Checks.Select(_ => true)]);
}

/// <summary>
/// What one input feeds, and the part of the scoring program that recomputes just that: the derived quantities that
/// read the input (directly or through another derived quantity), the indicators, gates and checks that read any of
/// them, and the pillars of those indicators. The plan search changes one to three inputs per try, and rescoring only
/// what they feed (<see cref="IncrementalScorer"/>) is a fraction of scoring the whole framework.
/// </summary>
internal sealed class InputProgram
{
    private InputProgram(int[] derivedSlots, int[] indicators, int[] pillars, ulong gates, ScoringProgram.Run main, ScoringProgram.Checks checks)
    {
        DerivedSlots = derivedSlots;
        Indicators = indicators;
        Pillars = pillars;
        Gates = gates;
        Main = main;
        FirstFailedCheck = checks;
    }

    /// <summary>The value slots of the derived quantities the input feeds.</summary>
    public int[] DerivedSlots { get; }

    public int[] Indicators { get; }

    public int[] Pillars { get; }

    /// <summary>Bits of the gates the input feeds; the others keep what the unchanged enterprise gave.</summary>
    public ulong Gates { get; }

    /// <summary>Recomputes the derived quantities, indicators and gates above; returns which of those gates fail.</summary>
    public ScoringProgram.Run Main { get; }

    /// <summary>The checks that read the input: the index of the first that fails, or -1.</summary>
    public ScoringProgram.Checks FirstFailedCheck { get; }

    public static InputProgram Build(CompiledFramework framework, CompiledInput input)
    {
        // Names whose value changes with the input. Derived quantities may read each other, so grow it to a fixed point.
        var changed = new HashSet<string>(StringComparer.Ordinal) { input.Id };
        var derived = new bool[framework.Derived.Length];
        for (var grew = true; grew;)
        {
            grew = false;
            for (var d = 0; d < derived.Length; d++)
            {
                if (!derived[d] && Reads(framework.Derived[d].Expression))
                {
                    derived[d] = true;
                    grew |= changed.Add(framework.Derived[d].Definition.Id);
                }
            }
        }

        var part = new ProgramPart(
            derived,
            [.. framework.Indicators.Select(i => Reads(i.Expression))],
            [.. framework.Gates.Select(g => Reads(g.Rule))],
            [.. framework.Checks.Select(c => Reads(c.Rule))]);
        var indicators = Indexes(part.Indicators);
        var gates = 0UL;
        foreach (var g in Indexes(part.Gates))
        {
            gates |= 1UL << g;
        }

        return new InputProgram(
            [.. Indexes(derived).Select(d => framework.Derived[d].Slot)],
            indicators,
            [.. indicators.Select(i => framework.Indicators[i].Pillar).Distinct().Order()],
            gates,
            ScoringProgram.BuildMain(framework, part),
            ScoringProgram.BuildChecks(framework, part));

        bool Reads(CompiledExpression expression) => expression.References.Overlaps(changed);
    }

    private static int[] Indexes(bool[] flags) => [.. Enumerable.Range(0, flags.Length).Where(i => flags[i])];
}
