using HiTech.Core.Scoring;
using HiTech.Core.Tests.Frameworks;

namespace HiTech.Core.Tests.Scoring;

/// <summary>Each rule an input value can break comes back as data (rule, value, bound, text) and as the English of the rejects.</summary>
public sealed class InputRulesTests
{
    [Theory]
    [InlineData("patents", "1.5", ValueRule.NotWhole, 1.5, double.NaN, null, "must be a whole number, not 1.5")]
    [InlineData("turnover", "-5", ValueRule.Negative, -5, 0, null, "cannot be negative (-5)")]
    [InlineData("employees", "0", ValueRule.BelowMin, 0, 1, null, "must be at least 1, not 0")]
    [InlineData("digital_maturity", "101", ValueRule.AboveMax, 101, 100, null, "must be at most 100, not 101")]
    [InlineData("high_value_stage_share", "1.2", ValueRule.AboveMax, 1.2, 1, null, "must be at most 1, not 1.2")]
    [InlineData("dsir_rd_unit", "maybe", ValueRule.NotBoolean, double.NaN, double.NaN, "maybe", "must be true or false (also yes/no, 1/0), not 'maybe'")]
    [InlineData("turnover", "12 lakh", ValueRule.NotANumber, double.NaN, double.NaN, "12 lakh", "'12 lakh' is not a number (write digits with a '.' for decimals, no thousands separators)")]
    [InlineData("certifications", "iso9001;nope", ValueRule.NotAnOption, double.NaN, double.NaN, "nope", "'nope' is not one of: ")]
    public void A_refused_text_says_which_rule_and_values(string inputId, string text, ValueRule rule, double value, double bound, string? quoted, string english)
    {
        var input = TestFrameworks.Reference.InputsById[inputId];

        var problem = InputRules.TryParse(input, text, out _, out _);

        Assert.Equal(new ValueProblem(rule, value, bound, quoted), problem);
        Assert.StartsWith(english, problem!.Value.Describe(input), StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_that_is_not_finite_is_its_own_rule() =>
        Assert.Equal(ValueRule.NotFinite, InputRules.CheckNumber(TestFrameworks.Reference.InputsById["turnover"], double.PositiveInfinity)?.Rule);

    [Fact]
    public void The_loader_hands_hosts_the_rule_with_the_english()
    {
        var issues = EnterpriseLoader.Fill(new ScoringWorkspace(TestFrameworks.Reference), TestFrameworks.Classifier, EnterpriseBuilder.FullMarks().With("patents", 2.5m).Without("employees").Build());

        Assert.Contains(issues, i => i.Field == "patents" && i.Problem?.Rule == ValueRule.NotWhole && i.Reason == "must be a whole number, not 2.5");
        Assert.Contains(issues, i => i.Field == "employees" && i.Problem?.Rule == ValueRule.Required && i.Reason == "is required but was not given");
    }
}
