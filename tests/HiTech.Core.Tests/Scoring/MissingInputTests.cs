using HiTech.Core.Scoring;

namespace HiTech.Core.Tests.Scoring;

/// <summary>A value not given is reported as missing wherever it matters, never silently taken as zero.</summary>
public class MissingInputTests
{
    [Fact]
    public void A_missing_optional_input_scores_its_criteria_0_and_says_so()
    {
        var scored = Scored.Of(EnterpriseBuilder.FullMarks().Without("rd_spend"));

        foreach (var id in new[] { "rd_intensity_va", "rd_intensity_turnover" })
        {
            var indicator = scored.Indicator(id);
            Assert.Equal("missing: scored 0", indicator.Treatment);
            Assert.Equal(["rd_spend"], indicator.MissingInputs);
            Assert.Null(indicator.Raw);
            Assert.Equal(0, indicator.Score);
            Assert.Equal(0, indicator.Contribution);
        }

        Assert.All(
            scored.Explanation.Pillars.SelectMany(p => p.Indicators).Where(i => i.Id is not ("rd_intensity_va" or "rd_intensity_turnover")),
            i => Assert.Equal("scored", i.Treatment));
        var input = scored.Explanation.Inputs.Single(i => i.Id == "rd_spend");
        Assert.Null(input.Value);
        Assert.Equal("missing", input.Evidence);
    }

    [Fact]
    public void Missing_and_zero_score_alike_but_read_differently()
    {
        var missing = Scored.Of(EnterpriseBuilder.FullMarks().Without("rd_spend"));
        var zero = Scored.Of(EnterpriseBuilder.FullMarks().With("rd_spend", 0));

        Assert.Equal(zero.Summary.Index, missing.Summary.Index);
        Assert.Equal("scored", zero.Indicator("rd_intensity_va").Treatment);
        Assert.Equal(0, zero.Indicator("rd_intensity_va").Raw);
        Assert.Empty(zero.Indicator("rd_intensity_va").MissingInputs);
        Assert.Equal("missing: scored 0", missing.Indicator("rd_intensity_va").Treatment);

        var text = ExplanationText.Render(missing.Explanation);
        Assert.Contains("not given (rd_spend)", text, StringComparison.Ordinal);
        Assert.Contains("[missing: scored 0]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[missing", ExplanationText.Render(zero.Explanation), StringComparison.Ordinal);
    }

    [Fact]
    public void A_derived_quantity_reading_a_missing_input_makes_its_criteria_missing_too()
    {
        // export_share is div(export_revenue, turnover, 0): without exports it is missing, not 0.
        var scored = Scored.Of(EnterpriseBuilder.FullMarks().Without("export_revenue"));

        var indicator = scored.Indicator("export_share");
        Assert.Equal("missing: scored 0", indicator.Treatment);
        Assert.Equal(["export_revenue"], indicator.MissingInputs);
        Assert.Equal(95, scored.Summary.Index);
    }

    [Fact]
    public void A_gate_on_a_missing_input_fails_and_names_the_input()
    {
        var scored = Scored.Of(EnterpriseBuilder.FullMarks().Without("digital_maturity"));

        var gate = scored.Gate("digital_baseline");
        Assert.False(gate.Passed);
        Assert.Equal(["digital_maturity"], gate.MissingInputs);
        Assert.Equal(85, scored.Summary.Index);
        Assert.Equal("hitech", scored.Tier);
        Assert.Contains("(not given: digital_maturity)", ExplanationText.Render(scored.Explanation), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_certifications_fail_the_quality_gate()
    {
        var scored = Scored.Of(EnterpriseBuilder.FullMarks().Without("certifications"));

        Assert.False(scored.Gate("quality_system").Passed);
        Assert.Equal(["certifications"], scored.Gate("quality_system").MissingInputs);
        Assert.Equal("missing: scored 0", scored.Indicator("quality_certifications").Treatment);
        Assert.Equal("hitech", scored.Tier);
    }

    [Fact]
    public void A_gate_written_with_coalesce_passes_on_what_is_given()
    {
        // rd_presence reads rd_spend, rd_staff and dsir_rd_unit through coalesce(): R&D staff alone is enough.
        var scored = Scored.Of(EnterpriseBuilder.FullMarks().Without("rd_spend").Without("dsir_rd_unit"));

        Assert.True(scored.Gate("rd_presence").Passed);
        Assert.Empty(scored.Gate("rd_presence").MissingInputs);
    }

    [Fact]
    public void A_gate_written_with_coalesce_fails_when_nothing_is_given()
    {
        var scored = Scored.Of(EnterpriseBuilder.FullMarks().Without("rd_spend").Without("rd_staff").Without("dsir_rd_unit"));

        Assert.False(scored.Gate("rd_presence").Passed);
        Assert.Equal(80, scored.Summary.Index);
        Assert.Equal("emerging", scored.Tier);
    }

    [Fact]
    public void A_required_input_cannot_be_left_out()
    {
        var issues = Scored.Issues(EnterpriseBuilder.FullMarks().Without("value_added"));

        var issue = Assert.Single(issues);
        Assert.Equal(new InputIssue("value_added", "is required but was not given"), issue);
    }
}
