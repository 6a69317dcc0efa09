using HiTech.Core.Frameworks;
using HiTech.Core.Tests.Frameworks;

namespace HiTech.Core.Tests.Scoring;

public class NormalisationTests
{
    private static Normalisation CurveOf(string indicator) => Scored.Framework.Indicators.Single(i => i.Id == indicator).Normalise;

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 0)]
    [InlineData(0.005, 20)]
    [InlineData(0.0125, 35)]
    [InlineData(0.02, 50)]
    [InlineData(0.035, 65)]
    [InlineData(0.05, 80)]
    [InlineData(0.075, 90)]
    [InlineData(0.10, 100)]
    [InlineData(3, 100)]
    public void Piecewise_is_straight_between_points_and_flat_beyond_them(double raw, double score)
    {
        var curve = Assert.IsType<PiecewiseNormalisation>(CurveOf("rd_intensity_va"));

        Assert.Equal(score, curve.Score(raw), 9);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.99, 0)]
    [InlineData(1, 50)]
    [InlineData(2, 50)]
    [InlineData(3, 75)]
    [InlineData(4, 75)]
    [InlineData(5, 100)]
    [InlineData(500, 100)]
    public void Steps_score_the_highest_threshold_reached(double raw, double score)
    {
        var curve = Assert.IsType<StepsNormalisation>(CurveOf("patents"));

        Assert.Equal(score, curve.Score(raw));
    }

    [Fact]
    public void A_boolean_lookup_scores_yes_and_no()
    {
        var curve = Assert.IsType<LookupNormalisation>(CurveOf("dsir_unit"));

        Assert.Equal(100, curve.Score(1));
        Assert.Equal(0, curve.Score(0));
    }

    [Fact]
    public void An_enum_lookup_scores_by_value_and_falls_back_to_its_default()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "frameworks", "minimal.yaml");
        var framework = TestFrameworks.LoadText(File.ReadAllText(path), "minimal.yaml").Framework!;
        var curve = Assert.IsType<LookupNormalisation>(framework.Indicators.Single(i => i.Id == "legal_form").Normalise);
        var forms = framework.Domains["legal_form"];

        Assert.Equal(100, curve.Score(forms.IndexOf("company")));
        Assert.Equal(50, curve.Score(forms.IndexOf("partnership")));
        Assert.Equal(0, curve.Score(forms.IndexOf("proprietor")));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(2_50_000, 0.00625, 22.5)]
    [InlineData(5_00_000, 0.0125, 35)]
    [InlineData(20_00_000, 0.05, 80)]
    [InlineData(1_00_00_000, 0.25, 100)]
    public void An_enterprise_s_rd_spend_is_scored_on_the_curve(decimal rdSpend, double raw, double score)
    {
        // Value added is ₹4 crore, so R&D over value added is rd_spend / 4 crore.
        var scored = Scored.Of(EnterpriseBuilder.FullMarks().With("rd_spend", rdSpend));

        var indicator = scored.Indicator("rd_intensity_va");
        Assert.Equal(raw, indicator.Raw!.Value, 9);
        Assert.Equal(score, indicator.Score, 2);
        Assert.Equal("scored", indicator.Treatment);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 50)]
    [InlineData(2, 50)]
    [InlineData(4, 75)]
    [InlineData(7, 100)]
    public void An_enterprise_s_patents_are_scored_on_the_steps(int patents, double score) =>
        Assert.Equal(score, Scored.Of(EnterpriseBuilder.FullMarks().With("patents", patents)).Indicator("patents").Score);

    [Fact]
    public void Value_added_is_compared_with_the_median_of_the_main_activity_s_division()
    {
        // Division 26 has a median of ₹10 lakh per person; ₹1 crore over 10 people is the median, which scores 50.
        var atMedian = Scored.Of(EnterpriseBuilder.FullMarks().With("value_added", 1_00_00_000m).With("employees", 10).With("stem_staff", 7).With("rd_staff", 2).With("returnee_hires", 2));

        var indicator = atMedian.Indicator("va_vs_sector_median");
        Assert.Equal(1, indicator.Raw!.Value, 9);
        Assert.Equal(50, indicator.Score, 9);
    }

    [Fact]
    public void Scores_of_every_indicator_stay_within_0_and_100_even_for_extreme_values()
    {
        var scored = Scored.Of(EnterpriseBuilder.FullMarks()
            .With("rd_spend", 4_00_00_000m)
            .With("patents", 1_000_000)
            .With("high_value_stage_share", 1)
            .With("export_revenue", 10_00_00_000m));

        Assert.All(scored.Explanation.Pillars.SelectMany(p => p.Indicators), i => Assert.InRange(i.Score, 0, 100));
        Assert.Equal(100, scored.Summary.Index);
    }

    [Fact]
    public void A_no_on_a_yes_no_criterion_scores_0_and_is_still_a_given_value()
    {
        var indicator = Scored.Of(EnterpriseBuilder.FullMarks().With("dsir_rd_unit", false)).Indicator("dsir_unit");

        Assert.Equal(0, indicator.Raw);
        Assert.Equal(0, indicator.Score);
        Assert.Equal("scored", indicator.Treatment);
    }
}
