using HiTech.Core.Scoring;

namespace HiTech.Core.Tests.Scoring;

/// <summary>The loader refuses, with a reason, anything the framework does not accept; nothing is scored half-read.</summary>
public class EnterpriseLoaderTests
{
    private static InputIssue Single(EnterpriseBuilder builder) => Assert.Single(Scored.Issues(builder));

    [Fact]
    public void A_full_valid_enterprise_has_no_issues() => Assert.Empty(Scored.Issues(EnterpriseBuilder.FullMarks()));

    [Fact]
    public void Stem_staff_above_total_staff_is_refused_with_the_check_s_message()
    {
        var issue = Single(EnterpriseBuilder.FullMarks().With("stem_staff", 17));

        Assert.Equal(new InputIssue("stem_staff;employees", "STEM staff cannot be more than total staff"), issue);
    }

    [Theory]
    [InlineData("rd_staff", 17, "rd_staff;employees", "R&D staff cannot be more than total staff")]
    [InlineData("returnee_hires", 20, "returnee_hires;employees", "returning professionals hired cannot be more than total staff")]
    [InlineData("export_revenue", 10_00_00_001, "export_revenue;turnover", "export revenue cannot be more than turnover")]
    [InlineData("value_added", 10_00_00_001, "value_added;turnover", "value added cannot be more than turnover")]
    public void Every_consistency_check_refuses_with_its_own_message(string input, double value, string fields, string message) =>
        Assert.Equal(new InputIssue(fields, message), Single(EnterpriseBuilder.FullMarks().With(input, (decimal)value)));

    [Fact]
    public void A_check_on_an_input_not_given_is_skipped()
    {
        Assert.Empty(Scored.Issues(EnterpriseBuilder.FullMarks().Without("stem_staff")));
        Assert.Empty(Scored.Issues(EnterpriseBuilder.FullMarks().With("stem_staff", 16)));
    }

    [Fact]
    public void An_unknown_input_is_refused_by_name()
    {
        var issue = Single(EnterpriseBuilder.FullMarks().With("rd_spending", 1000));

        Assert.Equal(new InputIssue("rd_spending", "is not an input of framework kerala-htmf 2025.1"), issue);
    }

    [Fact]
    public void An_unknown_nic_code_is_refused_with_near_codes()
    {
        var issue = Single(EnterpriseBuilder.FullMarks().ClearActivities().Activity("26108"));

        Assert.Equal("activities", issue.Field);
        Assert.StartsWith("'26108' is not a NIC 2008 code. Near codes: ", issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_division_is_too_broad_to_score()
    {
        var issue = Single(EnterpriseBuilder.FullMarks().ClearActivities().Activity("26"));

        Assert.Equal("activities", issue.Field);
        Assert.Contains("is a division", issue.Reason, StringComparison.Ordinal);
        Assert.Contains("give the 4-digit class or 5-digit sub-class", issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_value_chain_stage_is_refused_with_the_stages_allowed()
    {
        var issue = Single(EnterpriseBuilder.FullMarks().ClearActivities().Activity("26101", null, "research"));

        Assert.Equal("activities", issue.Field);
        Assert.StartsWith("'research' is not a value-chain stage; use one of: rnd, design-engineering", issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Revenue_shares_must_add_up_to_1()
    {
        var issue = Single(EnterpriseBuilder.FullMarks().ClearActivities().Activity("26101", 0.5m).Activity("22191", 0.3m));

        Assert.Equal(new InputIssue("activities", "the revenue shares add up to 0.8, not 1"), issue);
    }

    [Fact]
    public void Revenue_shares_may_be_off_by_spreadsheet_rounding()
    {
        Assert.Empty(Scored.Issues(EnterpriseBuilder.FullMarks().ClearActivities().Activity("26101", 0.333m).Activity("22191", 0.333m).Activity("13941", 0.333m)));
        Assert.Single(Scored.Issues(EnterpriseBuilder.FullMarks().ClearActivities().Activity("26101", 0.6m).Activity("22191", 0.42m)));
    }

    [Theory]
    [InlineData("2.5", "must be a whole number, not 2.5")]
    [InlineData("-1", "cannot be negative (-1)")]
    public void Values_outside_their_type_are_refused(string value, string reason)
    {
        var builder = EnterpriseBuilder.FullMarks();
        var field = reason.StartsWith("must be a whole", StringComparison.Ordinal) ? "patents" : "rd_spend";
        builder.With(field, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new InputIssue(field, reason), Single(builder));
    }

    [Fact]
    public void Other_malformed_values_are_refused_with_a_reason()
    {
        var issues = Scored.Issues(EnterpriseBuilder.FullMarks()
            .With("high_value_stage_share", 1.5m)
            .With("digital_maturity", 101)
            .With("employees", 0)
            .With("dsir_rd_unit", 1)
            .WithCodes("certifications", "iso-9001"));

        Assert.Equal(
            [
                new InputIssue("employees", "must be at least 1, not 0"),
                new InputIssue("dsir_rd_unit", "must be true or false"),
                new InputIssue("high_value_stage_share", "must be at most 1, not 1.5"),
                new InputIssue("digital_maturity", "must be at most 100, not 101"),
                new InputIssue("certifications", "'iso-9001' is not one of: iso9001, iso14001, iso13485, as9100, iatf16949, nabl, zed-bronze, zed-silver, zed-gold, ce-marking, bis"),
            ],
            issues);
    }

    [Fact]
    public void Activities_are_required_counted_and_not_repeated()
    {
        Assert.Equal(new InputIssue("activities", "at least one activity (NIC code) is required"), Single(EnterpriseBuilder.FullMarks().ClearActivities()));
        Assert.Equal(new InputIssue("activities", "the NIC code 26101 is listed twice"), Single(EnterpriseBuilder.FullMarks().Activity("26101")));
        Assert.Equal(new InputIssue("activities", "give a revenue share for every activity or for none"), Single(EnterpriseBuilder.FullMarks().Activity("22191", 0.5m)));

        var many = EnterpriseBuilder.FullMarks().ClearActivities();
        foreach (var code in TestFrameworksCodes().Take(33))
        {
            many.Activity(code);
        }

        Assert.Equal(new InputIssue("activities", "at most 32 activities can be declared, not 33"), Single(many));
    }

    [Fact]
    public void A_refused_enterprise_leaves_nothing_behind_for_the_next()
    {
        var workspace = new ScoringWorkspace(Scored.Framework);
        Assert.NotEmpty(EnterpriseLoader.Fill(workspace, Frameworks.TestFrameworks.Classifier, EnterpriseBuilder.FullMarks().With("stem_staff", 99).Build()));

        Assert.Empty(EnterpriseLoader.Fill(workspace, Frameworks.TestFrameworks.Classifier, IndexAndContributionTests.MidTier().Build()));
        Assert.Equal(68.8, Scorer.Score(workspace).Index);
    }

    private static IEnumerable<string> TestFrameworksCodes() =>
        Frameworks.TestFrameworks.Classifier.Reference.Nic.Entries
            .Where(e => e.Level == Core.Reference.NicLevel.SubClass && Frameworks.TestFrameworks.Classifier.TryGetFacts(e.Code, out _))
            .Select(e => e.Code);
}
