namespace HiTech.Core.Tests.Expressions;

/// <summary>
/// A missing input is NaN in its slot, and every expression that reads it carries the input's bit in its
/// MissingMask, so the caller can tell "missing" from "zero". present() and coalesce() handle absence themselves.
/// </summary>
public class MissingValueTests
{
    private static void Missing(double[] values, int slot) => values[slot] = double.NaN;

    [Theory]
    [InlineData("rd_spend", TestScope.RdSpend)]
    [InlineData("rd_spend > 0", TestScope.RdSpend)]
    [InlineData("div(rd_spend, turnover, 0)", TestScope.RdSpend)]
    [InlineData("-rd_spend", TestScope.RdSpend)]
    [InlineData("not dsir", TestScope.Dsir)]
    [InlineData("'nabl' in certifications", TestScope.Certifications)]
    [InlineData("count(certifications)", TestScope.Certifications)]
    [InlineData("has_any(certifications, ['bis'])", TestScope.Certifications)]
    [InlineData("level >= 'medium'", TestScope.LevelSlot)]
    [InlineData("level in ['low']", TestScope.LevelSlot)]
    [InlineData("lookup(by_level, level)", TestScope.LevelSlot)]
    [InlineData("abs(patents)", TestScope.Patents)]
    [InlineData("clamp(turnover, 0, patents)", TestScope.Patents)]
    [InlineData("coalesce(rd_spend, patents)", TestScope.Patents)]
    public void An_expression_reading_an_optional_input_reports_its_bit(string text, int slot) =>
        Assert.Equal(TestScope.Bit(slot), Expr.Compile(text).MissingMask);

    [Fact]
    public void Masks_of_several_optional_inputs_combine()
    {
        var mask = Expr.Compile("if(dsir, rd_spend, patents) + turnover").MissingMask;

        Assert.Equal(TestScope.Bit(TestScope.Dsir) | TestScope.Bit(TestScope.RdSpend) | TestScope.Bit(TestScope.Patents), mask);
    }

    [Theory]
    [InlineData("turnover + employees")]
    [InlineData("present(rd_spend)")]
    [InlineData("present(certifications)")]
    [InlineData("coalesce(rd_spend, 0)")]
    [InlineData("coalesce(dsir, false)")]
    [InlineData("coalesce(rd_spend, 0) > 0 or coalesce(dsir, false)")]
    [InlineData("1 + 2")]
    public void Required_inputs_literals_present_and_coalesce_are_never_missing(string text) =>
        Assert.Equal(0UL, Expr.Compile(text).MissingMask);

    [Fact]
    public void Present_beside_a_plain_read_does_not_clear_that_read_s_bit() =>
        Assert.Equal(TestScope.Bit(TestScope.Patents), Expr.Compile("not present(patents) or patents > 0").MissingMask);

    [Fact]
    public void A_missing_value_is_not_a_number_and_spreads_through_arithmetic()
    {
        Assert.True(double.IsNaN(Expr.Eval("rd_spend * 2 + 1", v => Missing(v, TestScope.RdSpend))));
        Assert.True(double.IsNaN(Expr.Eval("div(rd_spend, turnover, 0)", v => Missing(v, TestScope.RdSpend))));
        Assert.True(double.IsNaN(Expr.Eval("max(rd_spend, 0)", v => Missing(v, TestScope.RdSpend))));
    }

    [Fact]
    public void Present_tells_whether_a_value_was_given()
    {
        Assert.True(Expr.IsTrue("present(rd_spend)"));
        Assert.False(Expr.IsTrue("present(rd_spend)", v => Missing(v, TestScope.RdSpend)));
        Assert.True(Expr.IsTrue("present(rd_spend)", v => v[TestScope.RdSpend] = 0));
        Assert.False(Expr.IsTrue("present(dsir)", v => Missing(v, TestScope.Dsir)));
        Assert.True(Expr.IsTrue("present(dsir)", v => v[TestScope.Dsir] = 0));
    }

    [Fact]
    public void Coalesce_replaces_only_a_missing_value()
    {
        Assert.Equal(50, Expr.Eval("coalesce(rd_spend, -1)"));
        Assert.Equal(0, Expr.Eval("coalesce(rd_spend, -1)", v => v[TestScope.RdSpend] = 0));
        Assert.Equal(-1, Expr.Eval("coalesce(rd_spend, -1)", v => Missing(v, TestScope.RdSpend)));
        Assert.Equal(2, Expr.Eval("coalesce(rd_spend, patents)", v => Missing(v, TestScope.RdSpend)));
        Assert.False(Expr.IsTrue("coalesce(dsir, false)", v => Missing(v, TestScope.Dsir)));
        Assert.True(Expr.IsTrue("coalesce(dsir, true)", v => Missing(v, TestScope.Dsir)));
        Assert.False(Expr.IsTrue("coalesce(dsir, true)", v => v[TestScope.Dsir] = 0));
    }

    [Fact]
    public void One_missing_value_does_not_hide_another_given_one_when_written_with_coalesce()
    {
        const string text = "coalesce(rd_spend, 0) > 0 or coalesce(dsir, false)";

        Assert.True(Expr.IsTrue(text, v => Missing(v, TestScope.RdSpend)));
        Assert.False(Expr.IsTrue(text, v =>
        {
            Missing(v, TestScope.RdSpend);
            Missing(v, TestScope.Dsir);
        }));
    }
}
