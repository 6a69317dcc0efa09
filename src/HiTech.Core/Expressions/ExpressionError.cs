namespace HiTech.Core.Expressions;

/// <summary>
/// A fault in an expression: where it is (offset into the expression text, 0-based), the rule broken
/// (a stable id such as <c>undefined-name</c>) and a sentence a policy editor can act on.
/// </summary>
public sealed record ExpressionError(int Offset, int Length, string Rule, string Message);

/// <summary>Thrown inside the parser and binder; callers receive <see cref="ExpressionError"/> values instead.</summary>
internal sealed class ExpressionException(ExpressionError error) : Exception(error.Message)
{
    public ExpressionError Error { get; } = error;
}
