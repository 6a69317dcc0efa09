namespace HiTech.Core.Expressions;

/// <summary>
/// An expression compiled once into a delegate. <see cref="Evaluate"/> reads the slot vectors and returns a
/// number (booleans as 0 or 1). <see cref="MissingMask"/> holds the optional inputs whose absence makes the
/// result missing; the caller checks it before trusting the value.
/// </summary>
public sealed class CompiledExpression
{
    private readonly Lazy<Func<double[], ulong[], double>> _evaluate;

    internal CompiledExpression(string text, ExprType type, ulong missingMask, IReadOnlySet<string> references, System.Linq.Expressions.Expression<Func<double[], ulong[], double>> lambda)
    {
        Text = text;
        Type = type;
        MissingMask = missingMask;
        References = references;
        Lambda = lambda;

        // Compiled on first use only: the scorer runs a whole framework as one compiled program (Scoring.ScoringProgram),
        // so most expressions never need a delegate of their own.
        _evaluate = new Lazy<Func<double[], ulong[], double>>(lambda.Compile, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The expression tree over (values, sets), for composing into larger compiled programs.</summary>
    public System.Linq.Expressions.Expression<Func<double[], ulong[], double>> Lambda { get; }

    public string Text { get; }

    public ExprType Type { get; }

    public ulong MissingMask { get; }

    /// <summary>Every name the expression reads, for dependency and explanation purposes.</summary>
    public IReadOnlySet<string> References { get; }

    public Func<double[], ulong[], double> Evaluate => _evaluate.Value;

    public bool IsTrue(double[] values, ulong[] sets) => Evaluate(values, sets) != 0;
}
