namespace HiTech.Core.Expressions;

/// <summary>
/// An expression compiled once into a delegate. <see cref="Evaluate"/> reads the slot vectors and returns a
/// number (booleans as 0 or 1). <see cref="MissingMask"/> holds the optional inputs whose absence makes the
/// result missing; the caller checks it before trusting the value.
/// </summary>
public sealed class CompiledExpression
{
    internal CompiledExpression(string text, ExprType type, ulong missingMask, IReadOnlySet<string> references, Func<double[], ulong[], double> evaluate)
    {
        Text = text;
        Type = type;
        MissingMask = missingMask;
        References = references;
        Evaluate = evaluate;
    }

    public string Text { get; }

    public ExprType Type { get; }

    public ulong MissingMask { get; }

    /// <summary>Every name the expression reads, for dependency and explanation purposes.</summary>
    public IReadOnlySet<string> References { get; }

    public Func<double[], ulong[], double> Evaluate { get; }

    public bool IsTrue(double[] values, ulong[] sets) => Evaluate(values, sets) != 0;
}
