using HiTech.Core.Expressions;

namespace HiTech.Core.Tests.Expressions;

public class ParsingTests
{
    private static Node Parse(string text)
    {
        var (node, error) = ExpressionCompiler.Parse(text);
        Assert.True(node is not null, $"'{text}' did not parse: {error}");
        return node!;
    }

    private static ExpressionError ParseError(string text)
    {
        var (node, error) = ExpressionCompiler.Parse(text);
        Assert.True(node is null, $"'{text}' parsed, but it should not");
        return error!;
    }

    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("100 / 10 / 2", 5)]
    [InlineData("2 * 3 + 4 * 5", 26)]
    [InlineData("-2 * 3", -6)]
    [InlineData("- -2", 2)]
    [InlineData("3 - -2", 5)]
    [InlineData("-(1 + 2) * 2", -6)]
    [InlineData("turnover - rd_spend * 2", 900)]
    public void Arithmetic_follows_the_usual_precedence_left_to_right(string text, double expected) =>
        Assert.Equal(expected, Expr.Eval(text));

    [Theory]
    [InlineData("true or false and false", true)]
    [InlineData("(true or false) and false", false)]
    [InlineData("not true or true", true)]
    [InlineData("not (true or true)", false)]
    [InlineData("not 1 > 2", true)]
    [InlineData("not not true", true)]
    [InlineData("1 + 1 == 2 and 2 * 2 == 4", true)]
    [InlineData("true && !false || false", true)]
    public void Or_is_loosest_then_and_then_not_then_comparison(string text, bool expected) =>
        Assert.Equal(expected, Expr.IsTrue(text));

    [Fact]
    public void The_tree_for_a_sum_of_products_groups_the_products()
    {
        var node = Assert.IsType<BinaryNode>(Parse("1 + 2 * 3"));

        Assert.Equal("+", node.Operator);
        Assert.Equal(new NumberNode(1, 0, 1), node.Left);
        var product = Assert.IsType<BinaryNode>(node.Right);
        Assert.Equal("*", product.Operator);
        Assert.Equal((4, 5), (product.Offset, product.Length));
        Assert.Equal((0, 9), (node.Offset, node.Length));
    }

    [Theory]
    [InlineData("1e6", 1_000_000)]
    [InlineData("1E6", 1_000_000)]
    [InlineData("2.5e-3", 0.0025)]
    [InlineData("1e+2", 100)]
    [InlineData("1_000", 1000)]
    [InlineData("10_00_000", 1_000_000)]
    [InlineData(".5", 0.5)]
    [InlineData("0.25", 0.25)]
    [InlineData("1_000.5", 1000.5)]
    public void Numbers_may_use_exponents_and_underscores(string text, double expected)
    {
        var number = Assert.IsType<NumberNode>(Parse(text));

        Assert.Equal(expected, number.Value);
        Assert.Equal(text.Length, number.Length);
    }

    [Fact]
    public void Numbers_are_read_the_same_whatever_the_culture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(0.25, Assert.IsType<NumberNode>(Parse("0.25")).Value);
            Assert.Equal("unexpected-token", ParseError("0,25").Rule);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Not_in_is_the_negation_of_in_and_spans_the_whole_text()
    {
        const string text = "level not in ['low', 'high']";
        var node = Assert.IsType<UnaryNode>(Parse(text));

        Assert.Equal("not", node.Operator);
        var inNode = Assert.IsType<InNode>(node.Operand);
        Assert.IsType<ListNode>(inNode.Container);
        Assert.Equal((0, text.Length), (node.Offset, node.Length));
        Assert.False(Expr.IsTrue(text, v => v[TestScope.LevelSlot] = 0));
        Assert.True(Expr.IsTrue(text, v => v[TestScope.LevelSlot] = 1));
        Assert.True(Expr.IsTrue("level in ['low', 'high']", v => v[TestScope.LevelSlot] = 2));
    }

    [Fact]
    public void A_type_error_on_not_in_covers_the_whole_membership_test()
    {
        const string text = "level not in ['low', 'high']";

        var error = Expr.Error(text, TypeKind.Number);

        Assert.Equal("type-mismatch", error.Rule);
        Assert.Equal((0, text.Length), (error.Offset, error.Length));
    }

    [Fact]
    public void Lists_hold_numbers_or_quoted_values_and_may_be_empty()
    {
        var list = Assert.IsType<ListNode>(Assert.IsType<InNode>(Parse("patents in [1, 2, 3]")).Container);
        Assert.Equal(3, list.Items.Count);
        Assert.True(Expr.IsTrue("patents in [1, 2, 3]"));
        Assert.False(Expr.IsTrue("patents in [5, 7]"));
        Assert.False(Expr.IsTrue("patents in []"));
        Assert.True(Expr.IsTrue("patents in [-2, 2]"));
        Assert.Equal("list-mixed", Expr.Error("patents in [1, 'two']").Rule);
        Assert.Equal("list-literal", Expr.Error("patents in [1, employees]").Rule);
    }

    [Fact]
    public void Single_and_double_quotes_both_delimit_values()
    {
        Assert.Equal(new StringNode("high", 9, 6), Assert.IsType<BinaryNode>(Parse("level == 'high'")).Right);
        Assert.Equal(new StringNode("high", 9, 6), Assert.IsType<BinaryNode>(Parse("level == \"high\"")).Right);
        Assert.True(Expr.IsTrue("level == \"medium\""));
    }

    [Fact]
    public void Referenced_names_exclude_functions_and_table_ids()
    {
        var node = Parse("div(rd_spend, turnover, 0) + lookup(by_division, patents) + count(certifications)");

        Assert.Equal(["certifications", "patents", "rd_spend", "turnover"], ExpressionCompiler.ReferencedNames(node).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("", "empty-expression", 0)]
    [InlineData("   ", "empty-expression", 0)]
    [InlineData("1 +", "unexpected-end", 3)]
    [InlineData("(1 + 2", "expected-token", 6)]
    [InlineData("min(1, 2", "expected-token", 8)]
    [InlineData("[1, 2", "expected-token", 5)]
    [InlineData("1 2", "unexpected-token", 2)]
    [InlineData("1 + * 2", "unexpected-token", 4)]
    [InlineData("rd_spend # 2", "unexpected-character", 9)]
    [InlineData("rd_spend = 2", "unexpected-character", 9)]
    [InlineData("level == 'high", "unterminated-string", 9)]
    [InlineData("1.2.3 + 1", "bad-number", 0)]
    [InlineData("1 < 2 < 3", "chained-comparison", 6)]
    [InlineData("patents > 1 == true", "chained-comparison", 12)]
    public void Syntax_errors_name_the_rule_and_the_offset(string text, string rule, int offset)
    {
        var error = ParseError(text);

        Assert.Equal(rule, error.Rule);
        Assert.Equal(offset, error.Offset);
        Assert.True(error.Length >= 0);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Unterminated_string_error_covers_the_rest_of_the_text()
    {
        var error = ParseError("level == 'high");

        Assert.Equal((9, 5), (error.Offset, error.Length));
    }

    [Theory]
    [InlineData("paren", 2_000)]
    [InlineData("sum", 20_000)]
    [InlineData("minus", 5_000)]
    [InlineData("not", 5_000)]
    [InlineData("call", 1_000)]
    [InlineData("list", 1_000)]
    public void An_absurdly_deep_expression_is_refused_rather_than_overflowing_the_stack(string shape, int n)
    {
        var text = shape switch
        {
            "paren" => new string('(', n) + "1" + new string(')', n),
            "sum" => string.Join(" + ", Enumerable.Repeat("patents", n)),
            "minus" => string.Concat(Enumerable.Repeat("-", n)) + "1",
            "not" => string.Concat(Enumerable.Repeat("not ", n)) + "true",
            "call" => string.Concat(Enumerable.Repeat("abs(", n)) + "1" + new string(')', n),
            _ => "patents in " + string.Concat(Enumerable.Repeat("[", n)),
        };

        var error = ParseError(text);

        Assert.Equal("too-deep", error.Rule);
        Assert.Contains("split it into derived quantities", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_within_the_limit_is_fine()
    {
        Assert.Equal(1, Expr.Eval(new string('(', 60) + "1" + new string(')', 60)));
        Assert.Equal(180, Expr.Eval(string.Join(" + ", Enumerable.Repeat("patents", 90))));
        Assert.Equal(1, Expr.Eval(string.Concat(Enumerable.Repeat("abs(", 40)) + "-1" + new string(')', 40)));
    }
}
