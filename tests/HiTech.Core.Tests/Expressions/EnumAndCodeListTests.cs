namespace HiTech.Core.Tests.Expressions;

public class EnumAndCodeListTests
{
    private static Action<double[]> Level(int index) => v => v[TestScope.LevelSlot] = index;

    [Theory]
    [InlineData("level >= 'medium'", 0, false)]
    [InlineData("level >= 'medium'", 1, true)]
    [InlineData("level >= 'medium'", 2, true)]
    [InlineData("level > 'medium'", 2, true)]
    [InlineData("level < 'medium'", 0, true)]
    [InlineData("level <= 'low'", 1, false)]
    [InlineData("'medium' <= level", 2, true)]
    [InlineData("'medium' > level", 0, true)]
    [InlineData("'medium' > level", 2, false)]
    [InlineData("level == 'high'", 2, true)]
    [InlineData("level != 'high'", 2, false)]
    public void An_ordered_domain_compares_by_position(string text, int level, bool expected) =>
        Assert.Equal(expected, Expr.IsTrue(text, Level(level)));

    [Fact]
    public void Enums_of_different_domains_do_not_compare_even_with_the_same_value_names() =>
        Assert.Equal("type-mismatch", Expr.Error("level == size").Rule);

    [Fact]
    public void Two_enum_inputs_of_the_same_domain_compare_with_each_other()
    {
        var compiled = Expr.Compile("level >= level");

        Assert.Equal(1, compiled.Evaluate([0, 0, 0, 0, 2, 0, 0, 0, 0], [0]));
    }

    [Fact]
    public void An_unordered_domain_allows_only_equality()
    {
        Assert.True(Expr.IsTrue("colour == 'red'"));
        Assert.True(Expr.IsTrue("colour != 'blue'"));
        Assert.True(Expr.IsTrue("'green' == colour", v => v[TestScope.ColourSlot] = 1));
        Assert.True(Expr.IsTrue("colour in ['green', 'blue']", v => v[TestScope.ColourSlot] = 2));

        var error = Expr.Error("colour < 'green'");
        Assert.Equal("unordered-comparison", error.Rule);
        Assert.Equal(0, error.Offset);
        Assert.Contains("colour have no order", error.Message, StringComparison.Ordinal);
        Assert.Equal("unordered-comparison", Expr.Error("'green' >= colour").Rule);
    }

    [Theory]
    [InlineData("level == 'huge'", 9)]
    [InlineData("'huge' == level", 0)]
    [InlineData("level in ['low', 'huge']", 17)]
    [InlineData("colour != 'Red'", 10)]
    [InlineData("'haccp' in certifications", 0)]
    [InlineData("has_any(certifications, ['ISO9001'])", 25)]
    public void A_value_outside_the_domain_is_refused_with_the_allowed_values(string text, int offset)
    {
        var error = Expr.Error(text);

        Assert.Equal("unknown-value", error.Rule);
        Assert.Equal(offset, error.Offset);
        Assert.Contains("Allowed: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_list_membership_reads_the_bit_of_the_code()
    {
        // Bits follow the domain order: iso9001, nabl, iso13485, bis.
        Assert.True(Expr.IsTrue("'iso9001' in certifications", certifications: 0b0001));
        Assert.False(Expr.IsTrue("'nabl' in certifications", certifications: 0b0001));
        Assert.True(Expr.IsTrue("'bis' in certifications", certifications: 0b1000));
        Assert.True(Expr.IsTrue("'bis' not in certifications", certifications: 0b0111));
        Assert.Equal(4, Expr.Eval("count(certifications)", certifications: 0b1111));
        Assert.Equal(0, Expr.Eval("count(certifications)", certifications: 0));
        Assert.Equal(2, Expr.Eval("count(certifications, ['iso13485', 'bis', 'nabl'])", certifications: 0b1100));
    }

    [Fact]
    public void A_literal_list_may_repeat_a_value_without_changing_the_answer()
    {
        Assert.True(Expr.IsTrue("level in ['high', 'high']", Level(2)));
        Assert.Equal(1, Expr.Eval("count(certifications, ['nabl', 'nabl'])"));
    }
}
