using HiTech.Core.Frameworks;
using LinqExpression = System.Linq.Expressions.Expression;
using ParameterExpression = System.Linq.Expressions.ParameterExpression;

namespace HiTech.Core.Scoring;

/// <summary>
/// A whole framework compiled into three delegates: one that computes every derived quantity, indicator
/// (raw value, missing flag, normalised score) and gate in a single call; one that tests an activity against
/// every high-value-added rule; one that finds the first broken consistency check. Each expression's tree is
/// inlined and each normalisation curve becomes constants and comparisons, so scoring a row is a handful of
/// calls instead of dozens of delegate and virtual calls.
/// </summary>
internal sealed class ScoringProgram
{
    /// <summary>(values, sets, missing, raw, scores, indicatorMissing) → bits of the gates that failed.</summary>
    public delegate ulong Run(double[] values, ulong[] sets, ulong missing, double[] raw, double[] scores, bool[] indicatorMissing);

    /// <summary>(activity values, activity sets) → bits of the high-value-added rules met.</summary>
    public delegate ulong Rules(double[] values, ulong[] sets);

    /// <summary>(values, sets, missing) → index of the first failed check, or -1.</summary>
    public delegate int Checks(double[] values, ulong[] sets, ulong missing);

    private static readonly System.Reflection.MethodInfo IsNaN = typeof(double).GetMethod(nameof(double.IsNaN), [typeof(double)])!;

    private readonly Lazy<InputProgram>[] _byInput;

    private ScoringProgram(CompiledFramework framework, Run main, Rules hva, Checks checks)
    {
        Main = main;
        Hva = hva;
        FirstFailedCheck = checks;
        _byInput = [.. framework.Inputs.Select(i => new Lazy<InputProgram>(() => InputProgram.Build(framework, i), LazyThreadSafetyMode.ExecutionAndPublication))];
    }

    public Run Main { get; }

    public Rules Hva { get; }

    public Checks FirstFailedCheck { get; }

    public static ScoringProgram Build(CompiledFramework framework)
    {
        var all = ProgramPart.All(framework);
        return new(framework, BuildMain(framework, all), BuildHva(framework), BuildChecks(framework, all));
    }

    /// <summary>The part of the program that recomputes what one input feeds, built when first asked for.</summary>
    public InputProgram ForInput(int slot) => _byInput[slot].Value;

    /// <summary>
    /// The derived quantities, indicators and gates in <paramref name="part"/> compiled as one program, in the same order
    /// and with the same operations as the whole: the rest of the vectors are left as they are and the gates outside the
    /// part are reported as passed.
    /// </summary>
    internal static Run BuildMain(CompiledFramework framework, ProgramPart part)
    {
        var values = LinqExpression.Parameter(typeof(double[]), "values");
        var sets = LinqExpression.Parameter(typeof(ulong[]), "sets");
        var missing = LinqExpression.Parameter(typeof(ulong), "missing");
        var raw = LinqExpression.Parameter(typeof(double[]), "raw");
        var scores = LinqExpression.Parameter(typeof(double[]), "scores");
        var flags = LinqExpression.Parameter(typeof(bool[]), "indicatorMissing");
        var failed = LinqExpression.Variable(typeof(ulong), "failed");
        var value = LinqExpression.Variable(typeof(double), "value");
        var body = new List<LinqExpression> { LinqExpression.Assign(failed, LinqExpression.Constant(0UL)) };

        foreach (var derived in framework.Derived.Where((_, d) => part.Derived[d]))
        {
            body.Add(LinqExpression.Assign(
                LinqExpression.ArrayAccess(values, LinqExpression.Constant(derived.Slot)),
                LinqExpression.Condition(IsMissing(missing, derived.Expression.MissingMask), LinqExpression.Constant(double.NaN), Inline(derived.Expression, values, sets))));
        }

        for (var i = 0; i < framework.Indicators.Length; i++)
        {
            if (!part.Indicators[i])
            {
                continue;
            }

            var indicator = framework.Indicators[i];
            var index = LinqExpression.Constant(i);
            var whenMissing = LinqExpression.Block(
                LinqExpression.Assign(LinqExpression.ArrayAccess(flags, index), LinqExpression.Constant(true)),
                LinqExpression.Assign(LinqExpression.ArrayAccess(raw, index), LinqExpression.Constant(double.NaN)),
                LinqExpression.Assign(LinqExpression.ArrayAccess(scores, index), LinqExpression.Constant(0.0)));

            // A raw value that is not a number (log10 of 0, say) scores 0 rather than poisoning the index.
            var score = LinqExpression.Condition(
                LinqExpression.Call(IsNaN, value),
                LinqExpression.Constant(0.0),
                Clamp(Normalise(indicator.Normalise, value)));
            var whenGiven = LinqExpression.Block(
                LinqExpression.Assign(LinqExpression.ArrayAccess(flags, index), LinqExpression.Constant(false)),
                LinqExpression.Assign(value, Inline(indicator.Expression, values, sets)),
                LinqExpression.Assign(LinqExpression.ArrayAccess(raw, index), value),
                LinqExpression.Assign(LinqExpression.ArrayAccess(scores, index), score));
            body.Add(LinqExpression.IfThenElse(IsMissing(missing, indicator.Expression.MissingMask), whenMissing, whenGiven));
        }

        for (var g = 0; g < framework.Gates.Length; g++)
        {
            if (!part.Gates[g])
            {
                continue;
            }

            var rule = framework.Gates[g].Rule;
            var fails = LinqExpression.OrElse(
                IsMissing(missing, rule.MissingMask),
                LinqExpression.Equal(Inline(rule, values, sets), LinqExpression.Constant(0.0)));
            body.Add(LinqExpression.IfThen(fails, LinqExpression.OrAssign(failed, LinqExpression.Constant(1UL << g))));
        }

        body.Add(failed);
        var block = LinqExpression.Block([failed, value], body);
        return LinqExpression.Lambda<Run>(block, values, sets, missing, raw, scores, flags).Compile();
    }

    private static Rules BuildHva(CompiledFramework framework)
    {
        var values = LinqExpression.Parameter(typeof(double[]), "values");
        var sets = LinqExpression.Parameter(typeof(ulong[]), "sets");
        var met = LinqExpression.Variable(typeof(ulong), "met");
        var body = new List<LinqExpression> { LinqExpression.Assign(met, LinqExpression.Constant(0UL)) };
        for (var r = 0; r < framework.HvaRules.Length; r++)
        {
            var test = LinqExpression.NotEqual(Inline(framework.HvaRules[r].Rule, values, sets), LinqExpression.Constant(0.0));
            body.Add(LinqExpression.IfThen(test, LinqExpression.OrAssign(met, LinqExpression.Constant(1UL << r))));
        }

        body.Add(met);
        return LinqExpression.Lambda<Rules>(LinqExpression.Block([met], body), values, sets).Compile();
    }

    /// <summary>The checks in <paramref name="part"/>, in the framework's order: the index of the first that fails, or -1.</summary>
    internal static Checks BuildChecks(CompiledFramework framework, ProgramPart part)
    {
        var values = LinqExpression.Parameter(typeof(double[]), "values");
        var sets = LinqExpression.Parameter(typeof(ulong[]), "sets");
        var missing = LinqExpression.Parameter(typeof(ulong), "missing");
        var end = LinqExpression.Label(typeof(int), "end");
        var body = new List<LinqExpression>();
        for (var c = 0; c < framework.Checks.Length; c++)
        {
            if (!part.Checks[c])
            {
                continue;
            }

            var rule = framework.Checks[c].Rule;

            // A check that reads a missing input cannot be judged, so it does not fail.
            var broken = LinqExpression.AndAlso(
                LinqExpression.Not(IsMissing(missing, rule.MissingMask)),
                LinqExpression.Equal(Inline(rule, values, sets), LinqExpression.Constant(0.0)));
            body.Add(LinqExpression.IfThen(broken, LinqExpression.Return(end, LinqExpression.Constant(c))));
        }

        body.Add(LinqExpression.Label(end, LinqExpression.Constant(-1)));
        return LinqExpression.Lambda<Checks>(LinqExpression.Block(body), values, sets, missing).Compile();
    }

    /// <summary>The expression's own tree, invoked inline (the LINQ compiler inlines invocations of lambda expressions).</summary>
    private static System.Linq.Expressions.InvocationExpression Inline(Expressions.CompiledExpression expression, ParameterExpression values, ParameterExpression sets) =>
        LinqExpression.Invoke(expression.Lambda, values, sets);

    private static LinqExpression IsMissing(ParameterExpression missing, ulong mask) =>
        mask == 0
            ? LinqExpression.Constant(false)
            : LinqExpression.NotEqual(LinqExpression.And(missing, LinqExpression.Constant(mask)), LinqExpression.Constant(0UL));

    private static System.Linq.Expressions.MethodCallExpression Clamp(LinqExpression score) =>
        LinqExpression.Call(typeof(Math).GetMethod(nameof(Math.Clamp), [typeof(double), typeof(double), typeof(double)])!, score, LinqExpression.Constant(0.0), LinqExpression.Constant(100.0));

    /// <summary>A normalisation as constants and comparisons; the same function as <see cref="Normalisation.Score"/>.</summary>
    private static LinqExpression Normalise(Normalisation normalisation, ParameterExpression raw)
    {
        switch (normalisation)
        {
            case PiecewiseNormalisation piecewise:
                {
                    var points = piecewise.Points;
                    LinqExpression result = LinqExpression.Constant(points[^1].Y);
                    for (var i = points.Length - 1; i >= 1; i--)
                    {
                        var (x0, y0) = points[i - 1];
                        var (x1, y1) = points[i];
                        // The same operations in the same order as PiecewiseNormalisation.Score, so results agree to the last bit.
                        var line = LinqExpression.Add(
                            LinqExpression.Constant(y0),
                            LinqExpression.Multiply(
                                LinqExpression.Divide(LinqExpression.Subtract(raw, LinqExpression.Constant(x0)), LinqExpression.Constant(x1 - x0)),
                                LinqExpression.Constant(y1 - y0)));
                        result = LinqExpression.Condition(LinqExpression.LessThanOrEqual(raw, LinqExpression.Constant(x1)), line, result);
                    }

                    return LinqExpression.Condition(LinqExpression.LessThanOrEqual(raw, LinqExpression.Constant(points[0].X)), LinqExpression.Constant(points[0].Y), result);
                }

            case StepsNormalisation steps:
                {
                    LinqExpression result = LinqExpression.Constant(steps.Steps.IsEmpty ? steps.Below : steps.Steps[^1].Score);
                    for (var i = steps.Steps.Length - 1; i >= 0; i--)
                    {
                        var below = i == 0 ? steps.Below : steps.Steps[i - 1].Score;
                        result = LinqExpression.Condition(LinqExpression.LessThan(raw, LinqExpression.Constant(steps.Steps[i].At)), LinqExpression.Constant(below), result);
                    }

                    return result;
                }

            case LookupNormalisation lookup:
                {
                    LinqExpression result = LinqExpression.Constant(lookup.Default);
                    foreach (var (key, score) in lookup.ByValue.OrderByDescending(p => p.Key))
                    {
                        result = LinqExpression.Condition(LinqExpression.Equal(raw, LinqExpression.Constant(key)), LinqExpression.Constant(score), result);
                    }

                    return result;
                }

            default:
                return LinqExpression.Call(LinqExpression.Constant(normalisation), typeof(Normalisation).GetMethod(nameof(Normalisation.Score))!, raw);
        }
    }
}
