using CsCheck;
using HiTech.Core.Expressions;

namespace HiTech.Core.Tests.Expressions;

/// <summary>Random token soup never crashes the compiler: every text compiles or is refused with a position inside it.</summary>
public class ExpressionFuzzTests
{
    private static readonly string[] Tokens =
    [
        "rd_spend", "turnover", "patents", "dsir", "level", "colour", "certifications", "nosuch", "by_level", "by_division",
        "1", "0", "2.5", "1e6", "1_000", "'low'", "'high'", "'nabl'", "'x'", "\"red\"", "true", "false",
        "+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "and", "or", "not", "in", "&&", "||", "!",
        "(", ")", "[", "]", ",", "min", "max", "clamp", "abs", "log10", "div", "if", "present", "coalesce", "count", "has_any", "has_all", "lookup",
        "#", "'", "=",
    ];

    [Fact]
    public void Any_sequence_of_tokens_compiles_or_is_refused_inside_the_text()
    {
        var texts = Gen.OneOf(Tokens).Array[0, 14].Select(tokens => string.Join(' ', tokens));

        texts.Sample(text =>
        {
            var (compiled, error) = ExpressionCompiler.Compile(text, TestScope.Instance, null);
            Assert.True(compiled is null != (error is null), text);
            if (error is not null)
            {
                // An error at the end (a missing value) points just past the last character.
                Assert.True(error.Offset >= 0 && error.Offset <= text.Length, $"{text}: offset {error.Offset}");
                Assert.True(error.Length >= 0 && error.Offset + error.Length <= text.Length + 1, $"{text}: length {error.Length}");
                Assert.Matches("^[a-z]+(-[a-z]+)*$", error.Rule);
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
            }
        }, iter: 5000, threads: 1);
    }

    [Fact]
    public void Arithmetic_on_random_integers_matches_csharp()
    {
        var numbers = Gen.Int[-1000, 1000];

        Gen.Select(numbers, numbers, numbers).Sample((a, b, c) =>
        {
            Assert.Equal(a + (b * c), Expr.Eval($"{a} + {b} * {c}"));
            Assert.Equal(a - b - c, Expr.Eval($"{a} - {b} - {c}"));
            Assert.Equal((a - b) * c, Expr.Eval($"({a} - {b}) * {c}"));
            Assert.Equal(a < b && b <= c, Expr.IsTrue($"{a} < {b} and {b} <= {c}"));
            Assert.Equal(Math.Clamp(a, Math.Min(b, c), Math.Max(b, c)), Expr.Eval($"clamp({a}, min({b}, {c}), max({b}, {c}))"));
        }, iter: 300, threads: 1);
    }
}
