namespace HiTech.Core.Tests.Expressions;

public class FunctionTests
{
    [Theory]
    [InlineData("min(3, 1, 2)", 1)]
    [InlineData("max(3, 1, 2)", 3)]
    [InlineData("min(patents, 5)", 2)]
    [InlineData("max(-1, -5)", -1)]
    [InlineData("clamp(150, 0, 100)", 100)]
    [InlineData("clamp(-5, 0, 100)", 0)]
    [InlineData("clamp(42, 0, 100)", 42)]
    [InlineData("abs(-3.5)", 3.5)]
    [InlineData("abs(rd_spend - turnover)", 950)]
    [InlineData("log10(1000)", 3)]
    [InlineData("log10(turnover) * 10", 30)]
    [InlineData("div(rd_spend, turnover, 0)", 0.05)]
    [InlineData("div(1, 0, 7)", 7)]
    [InlineData("if(patents > 1, 10, 20)", 10)]
    [InlineData("if(patents > 5, 10, 20)", 20)]
    [InlineData("count(certifications)", 2)]
    [InlineData("count(certifications, ['nabl', 'bis'])", 1)]
    [InlineData("lookup(by_division, 26)", 100)]
    [InlineData("lookup(by_division, 27)", 1)]
    [InlineData("lookup(by_level, level)", 5)]
    public void Each_function_computes_what_it_says(string text, double expected) =>
        Assert.Equal(expected, Expr.Eval(text), 12);

    [Fact]
    public void Div_falls_back_only_when_the_divisor_is_zero()
    {
        Assert.Equal(-1, Expr.Eval("div(rd_spend, turnover, -1)", v => v[TestScope.Turnover] = 0));
        Assert.Equal(0, Expr.Eval("div(0, turnover, -1)"));
        Assert.Equal(-0.05, Expr.Eval("div(rd_spend, turnover, 9)", v => v[TestScope.Turnover] = -1000), 12);
    }

    [Fact]
    public void If_may_choose_between_truth_values()
    {
        Assert.True(Expr.IsTrue("if(dsir, patents > 1, false)"));
        Assert.False(Expr.IsTrue("if(dsir, patents > 1, false)", v => v[TestScope.Dsir] = 0));
    }

    [Fact]
    public void Lookup_by_enum_uses_the_value_s_position_in_its_domain()
    {
        Assert.Equal(10, Expr.Eval("lookup(by_level, level)", v => v[TestScope.LevelSlot] = 0));
        Assert.Equal(30, Expr.Eval("lookup(by_level, level)", v => v[TestScope.LevelSlot] = 2));
    }

    [Fact]
    public void Has_any_and_has_all_test_a_code_list_against_a_literal_list()
    {
        Assert.True(Expr.IsTrue("has_any(certifications, ['nabl', 'bis'])"));
        Assert.False(Expr.IsTrue("has_any(certifications, ['iso13485', 'bis'])"));
        Assert.True(Expr.IsTrue("has_all(certifications, ['iso9001', 'nabl'])"));
        Assert.False(Expr.IsTrue("has_all(certifications, ['iso9001', 'bis'])"));
        Assert.False(Expr.IsTrue("has_any(certifications, ['iso9001'])", certifications: 0));
        Assert.True(Expr.IsTrue("has_all(certifications, [])", certifications: 0));
    }

    [Theory]
    [InlineData("min(1)", "min() takes at least 2 arguments, not 1.")]
    [InlineData("clamp(1, 2)", "clamp() takes 3 arguments, not 2.")]
    [InlineData("abs(1, 2)", "abs() takes 1 argument, not 2.")]
    [InlineData("log10()", "log10() takes 1 argument, not 0.")]
    [InlineData("div(rd_spend, turnover)", "div() takes 3 arguments, not 2.")]
    [InlineData("if(true, 1)", "if() takes 3 arguments, not 2.")]
    [InlineData("present(rd_spend, patents)", "present() takes 1 argument, not 2.")]
    [InlineData("coalesce(rd_spend)", "coalesce() takes 2 arguments, not 1.")]
    [InlineData("count(certifications, ['iso9001'], ['nabl'])", "count() takes 1 or 2 arguments, not 3.")]
    [InlineData("has_any(certifications)", "has_any() takes 2 arguments, not 1.")]
    [InlineData("lookup(by_level)", "lookup() takes 2 arguments, not 1.")]
    public void A_wrong_number_of_arguments_is_refused_at_the_call(string text, string message)
    {
        var error = Expr.Error(text);

        Assert.Equal("argument-count", error.Rule);
        Assert.Equal((0, text.Length), (error.Offset, error.Length));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void An_unknown_function_is_refused_with_the_list_of_functions()
    {
        var error = Expr.Error("patents + sqrt(turnover)");

        Assert.Equal("unknown-function", error.Rule);
        Assert.Equal(10, error.Offset);
        Assert.Contains("'sqrt' is not a function", error.Message, StringComparison.Ordinal);
        Assert.Contains("coalesce", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lookup(nowhere, 1)", "undefined-table", 7)]
    [InlineData("lookup(1, 1)", "undefined-table", 7)]
    [InlineData("lookup(by_level, 1)", "type-mismatch", 17)]
    [InlineData("lookup(by_level, colour)", "type-mismatch", 17)]
    [InlineData("lookup(by_division, level)", "type-mismatch", 20)]
    [InlineData("present(1)", "present-needs-name", 0)]
    [InlineData("present(rd_spend + 1)", "present-needs-name", 0)]
    [InlineData("coalesce(rd_spend + 1, 0)", "coalesce-needs-name", 9)]
    [InlineData("coalesce(level, 'low')", "coalesce-needs-name", 9)]
    [InlineData("coalesce(rd_spend, true)", "type-mismatch", 19)]
    [InlineData("coalesce(dsir, 0)", "type-mismatch", 15)]
    [InlineData("count(patents)", "type-mismatch", 6)]
    [InlineData("count(certifications, 'iso9001')", "type-mismatch", 22)]
    [InlineData("count(certifications, [1])", "type-mismatch", 23)]
    [InlineData("has_any(level, ['low'])", "type-mismatch", 8)]
    [InlineData("has_all(certifications, ['iso9001', 'haccp'])", "unknown-value", 36)]
    [InlineData("if(patents, 1, 2)", "type-mismatch", 3)]
    [InlineData("if(true, 1, false)", "type-mismatch", 0)]
    [InlineData("if(true, level, level)", "type-mismatch", 0)]
    [InlineData("min(1, dsir)", "type-mismatch", 7)]
    [InlineData("clamp(level, 0, 1)", "type-mismatch", 6)]
    [InlineData("abs(certifications)", "type-mismatch", 4)]
    [InlineData("div(rd_spend, dsir, 0)", "type-mismatch", 14)]
    public void Function_arguments_are_type_checked_where_they_stand(string text, string rule, int offset)
    {
        var error = Expr.Error(text);

        Assert.Equal(rule, error.Rule);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void Log10_of_zero_is_minus_infinity_not_an_exception()
    {
        Assert.Equal(double.NegativeInfinity, Expr.Eval("log10(patents)", v => v[TestScope.Patents] = 0));
        Assert.True(double.IsNaN(Expr.Eval("log10(patents)", v => v[TestScope.Patents] = -1)));
    }
}
