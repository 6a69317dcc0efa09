using HiTech.Core.Frameworks;

namespace HiTech.Core.Scoring;

/// <summary>One value a lever could take in a plan, with its effort. Numbers are exact decimals a person would type.</summary>
internal readonly record struct PlanMove(double Value, ulong Members, decimal Exact, double Effort);

/// <summary>
/// The values one lever may take for one enterprise, cheapest first: for a number, whole steps away from today's value
/// rounded to what a person would enter (whole thousands of rupees, whole percentages, whole counts); for yes/no the
/// other answer; for a choice every other value; for a code list each addition of up to <c>max_steps</c> codes.
/// </summary>
internal sealed class PlanLadder
{
    private PlanLadder(CompiledLever lever, double from, double stepSize, decimal unit, List<PlanMove> moves)
    {
        Lever = lever;
        From = from;
        StepSize = stepSize;
        Unit = unit;
        Moves = moves;
    }

    public CompiledLever Lever { get; }

    public CompiledInput Input => Lever.Input;

    /// <summary>Today's value (for a missing number, the lowest it can be).</summary>
    public double From { get; }

    public double StepSize { get; }

    /// <summary>The rounding unit of a number lever (0 for the others).</summary>
    public decimal Unit { get; }

    public List<PlanMove> Moves { get; }

    public bool IsNumber => Unit > 0;

    /// <summary>The direction a number moves: +1 up, -1 down.</summary>
    public int Direction => Input.Lever == InputLever.Decrease ? -1 : 1;

    public static PlanLadder? Build(ScoringWorkspace workspace, CompiledLever lever)
    {
        var input = lever.Input;
        var missing = workspace.IsMissing(input);
        return input.Type switch
        {
            InputType.Boolean => Boolean(workspace, lever, missing),
            InputType.Enum => Choices(workspace, lever, missing),
            InputType.Codes => Codes(workspace, lever, missing),
            _ => Number(workspace, lever, missing),
        };
    }

    /// <summary>The effort of moving a number lever to <paramref name="value"/>: its effort per step times the steps.</summary>
    public double EffortOf(double value) => Lever.Effort * Math.Abs(value - From) / StepSize;

    public PlanMove NumberMove(decimal exact) => new((double)exact, 0, exact, EffortOf((double)exact));

    private static PlanLadder? Number(ScoringWorkspace workspace, CompiledLever lever, bool missing)
    {
        var input = lever.Input;
        var floor = double.IsFinite(input.Min) ? input.Min : 0;
        var from = missing ? floor : workspace.Values[input.Slot];
        var stepSize = lever.Definition.Step ?? 0;
        if (lever.StepOf is { } of)
        {
            // A step measured against another figure (a share of turnover) needs that figure.
            if (workspace.IsMissing(of) || !(workspace.Values[of.Slot] > 0))
            {
                return null;
            }

            stepSize *= workspace.Values[of.Slot];
        }

        if (!(stepSize > 0) || !double.IsFinite(from))
        {
            return null;
        }

        var unit = RoundingUnit(input.Type, stepSize);
        var ladder = new PlanLadder(lever, from, stepSize, unit, []);
        var up = ladder.Direction > 0;
        var last = from;
        for (var k = 1; k <= lever.MaxSteps; k++)
        {
            var target = Math.Clamp(from + (ladder.Direction * k * stepSize), input.Min, input.Max);
            var exact = RoundAway((decimal)target, unit, up);
            if ((double)exact > input.Max || (double)exact < input.Min)
            {
                exact = RoundAway((decimal)target, unit, !up);
            }

            var value = (double)exact;
            if (up ? value <= last : value >= last)
            {
                continue;
            }

            ladder.Moves.Add(ladder.NumberMove(exact));
            last = value;
        }

        return ladder.Moves.Count == 0 ? null : ladder;
    }

    /// <summary>What a person would type: whole rupees in round thousands (or finer for small steps), whole counts, whole percentages, whole scores.</summary>
    private static decimal RoundingUnit(InputType type, double stepSize) => type switch
    {
        InputType.Money => (decimal)Math.Max(1, Math.Pow(10, Math.Floor(Math.Log10(stepSize)) - 1)),
        InputType.Count => 1,
        InputType.Ratio => stepSize >= 0.01 ? 0.01m : 0.001m,
        _ => stepSize >= 1 ? 1 : 0.1m,
    };

    /// <summary>Rounds to the unit grid, up or down.</summary>
    public static decimal RoundAway(decimal value, decimal unit, bool up) =>
        (up ? Math.Ceiling(value / unit) : Math.Floor(value / unit)) * unit;

    private static PlanLadder? Boolean(ScoringWorkspace workspace, CompiledLever lever, bool missing)
    {
        var wanted = lever.Input.Lever == InputLever.Decrease ? 0.0 : 1.0;
        if (!missing && workspace.Values[lever.Input.Slot] == wanted)
        {
            return null;
        }

        return new PlanLadder(lever, 0, 1, 0, [new PlanMove(wanted, 0, (decimal)wanted, lever.Effort)]);
    }

    private static PlanLadder? Choices(ScoringWorkspace workspace, CompiledLever lever, bool missing)
    {
        var moves = new List<PlanMove>();
        for (var v = 0; v < lever.Input.Domain!.Values.Length; v++)
        {
            if (missing || workspace.Values[lever.Input.Slot] != v)
            {
                moves.Add(new PlanMove(v, 0, v, lever.ValueEfforts[v]));
            }
        }

        return moves.Count == 0 ? null : new PlanLadder(lever, 0, 1, 0, [.. moves.OrderBy(m => m.Effort)]);
    }

    private static PlanLadder? Codes(ScoringWorkspace workspace, CompiledLever lever, bool missing)
    {
        var input = lever.Input;
        var have = missing ? 0UL : workspace.Sets[input.SetIndex];
        var free = Enumerable.Range(0, Math.Min(input.Domain!.Values.Length, 64)).Where(v => (have & (1UL << v)) == 0).ToList();
        var moves = new List<PlanMove>();
        void Add(ulong added, double effort) => moves.Add(new PlanMove(1, have | added, 0, effort));
        for (var a = 0; a < free.Count; a++)
        {
            Add(1UL << free[a], lever.ValueEfforts[free[a]]);
            for (var b = a + 1; lever.MaxSteps >= 2 && b < free.Count; b++)
            {
                Add((1UL << free[a]) | (1UL << free[b]), lever.ValueEfforts[free[a]] + lever.ValueEfforts[free[b]]);
                for (var c = b + 1; lever.MaxSteps >= 3 && c < free.Count; c++)
                {
                    Add((1UL << free[a]) | (1UL << free[b]) | (1UL << free[c]), lever.ValueEfforts[free[a]] + lever.ValueEfforts[free[b]] + lever.ValueEfforts[free[c]]);
                }
            }
        }

        return moves.Count == 0 ? null : new PlanLadder(lever, 0, 1, 0, [.. moves.OrderBy(m => m.Effort)]);
    }
}
