using HiTech.Core.Expressions;

namespace HiTech.Core.Tests.Expressions;

public class TypeCheckTests
{
    [Fact]
    public void Adding_a_code_list_to_a_number_is_refused_at_the_right_operand()
    {
        const string text = "rd_spend + certifications";

        var error = Expr.Error(text);

        Assert.Equal("type-mismatch", error.Rule);
        Assert.Equal((text.IndexOf("certifications", StringComparison.Ordinal), "certifications".Length), (error.Offset, error.Length));
        Assert.Equal("'+' needs a number here, not a list of certification.", error.Message);
    }

    [Theory]
    [InlineData("dsir * 2", "type-mismatch", 0)]
    [InlineData("2 - level", "type-mismatch", 4)]
    [InlineData("-dsir", "type-mismatch", 1)]
    [InlineData("not patents", "type-mismatch", 4)]
    [InlineData("patents and dsir", "type-mismatch", 0)]
    [InlineData("dsir or 1", "type-mismatch", 8)]
    [InlineData("dsir < true", "type-mismatch", 0)]
    [InlineData("patents == true", "type-mismatch", 0)]
    [InlineData("'high' == 'low'", "type-mismatch", 0)]
    [InlineData("level == 1", "type-mismatch", 0)]
    [InlineData("level == colour", "type-mismatch", 0)]
    [InlineData("level < size", "type-mismatch", 0)]
    [InlineData("certifications == 1", "type-mismatch", 0)]
    [InlineData("1 in certifications", "type-mismatch", 0)]
    [InlineData("dsir in [1, 2]", "type-mismatch", 0)]
    [InlineData("patents in ['one']", "type-mismatch", 12)]
    [InlineData("level in [1]", "type-mismatch", 10)]
    [InlineData("patents in patents", "type-mismatch", 11)]
    public void Operators_refuse_operands_of_the_wrong_type(string text, string rule, int offset)
    {
        var error = Expr.Error(text);

        Assert.Equal(rule, error.Rule);
        Assert.Equal(offset, error.Offset);
    }

    [Theory]
    [InlineData("patents", TypeKind.Boolean)]
    [InlineData("patents > 1", TypeKind.Number)]
    [InlineData("level", TypeKind.Number)]
    [InlineData("certifications", null)]
    [InlineData("'high'", null)]
    [InlineData("[1, 2]", null)]
    public void The_result_must_have_the_type_the_context_needs(string text, TypeKind? expected)
    {
        var error = Expr.Error(text, expected);

        Assert.Equal("type-mismatch", error.Rule);
        Assert.Equal((0, text.Length), (error.Offset, error.Length));
    }

    [Theory]
    [InlineData("patents", TypeKind.Number)]
    [InlineData("patents > 1", TypeKind.Boolean)]
    [InlineData("level", TypeKind.Enum)]
    [InlineData("dsir", TypeKind.Boolean)]
    public void Without_an_expected_type_numbers_truth_values_and_enum_values_are_accepted(string text, TypeKind kind) =>
        Assert.Equal(kind, Expr.Compile(text).Type.Kind);

    [Fact]
    public void An_undefined_name_is_refused_at_its_offset_with_a_suggestion()
    {
        const string text = "coalesce(rd_spnd, 0) > 0";

        var error = Expr.Error(text);

        Assert.Equal("undefined-name", error.Rule);
        Assert.Equal((9, 7), (error.Offset, error.Length));
        Assert.Equal("'rd_spnd' is not an input, derived quantity or engine quantity of this framework. Did you mean 'rd_spend'?", error.Message);
    }

    [Theory]
    [InlineData("turnovr > 0", "turnover")]
    [InlineData("employes > 0", "employees")]
    [InlineData("certification", "certifications")]
    [InlineData("patent > 1", "patents")]
    [InlineData("colur == 'red'", "colour")]
    public void The_suggestion_is_the_nearest_name(string text, string suggestion) =>
        Assert.EndsWith($"Did you mean '{suggestion}'?", Expr.Error(text).Message, StringComparison.Ordinal);

    [Fact]
    public void A_name_far_from_every_name_gets_no_suggestion()
    {
        var error = Expr.Error("turnover + export_revenue_last_year");

        Assert.Equal("undefined-name", error.Rule);
        Assert.Equal(11, error.Offset);
        Assert.DoesNotContain("Did you mean", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rd_spend / turnover", 0)]
    [InlineData("patents + rd_spend / employees", 10)]
    [InlineData("rd_spend / (employees - 1)", 0)]
    [InlineData("rd_spend / 0", 0)]
    [InlineData("rd_spend / -0", 0)]
    [InlineData("rd_spend / (1 - 1)", 0)]
    public void Dividing_by_anything_but_a_non_zero_constant_needs_div(string text, int offset)
    {
        var error = Expr.Error(text);

        Assert.Equal("division-needs-fallback", error.Rule);
        Assert.Equal(offset, error.Offset);
        Assert.Contains("div(a, b, fallback)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rd_spend / 100", 0.5)]
    [InlineData("rd_spend / -2", -25)]
    [InlineData("rd_spend / 2.5e1", 2)]
    [InlineData("rd_spend / (4)", 12.5)]
    [InlineData("rd_spend / 1_000", 0.05)]
    public void Dividing_by_a_non_zero_constant_is_fine(string text, double expected) =>
        Assert.Equal(expected, Expr.Eval(text), 12);

    [Fact]
    public void The_compiled_expression_keeps_its_text_and_the_names_it_reads()
    {
        var compiled = Expr.Compile("div(rd_spend, turnover, 0) > 0.01 or dsir");

        Assert.Equal("div(rd_spend, turnover, 0) > 0.01 or dsir", compiled.Text);
        Assert.Equal(TypeKind.Boolean, compiled.Type.Kind);
        Assert.Equal(["dsir", "rd_spend", "turnover"], compiled.References.Order(StringComparer.Ordinal));
    }
}
