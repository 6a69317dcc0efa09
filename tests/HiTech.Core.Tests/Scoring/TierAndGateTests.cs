using HiTech.Core.Scoring;

namespace HiTech.Core.Tests.Scoring;

public class TierAndGateTests
{
    private const ulong NoGateFailed = 0;

    private static ulong Failed(params string[] gates) =>
        gates.Aggregate(0UL, (bits, id) => bits | (1UL << Scored.Framework.Gates.Select(g => g.Id).ToList().IndexOf(id)));

    private static string TierFor(double index, ulong gatesFailed) => Scored.Framework.Tiers[Scorer.TierFor(Scored.Framework, index, gatesFailed)].Id;

    [Theory]
    [InlineData(100, "hitech-leader")]
    [InlineData(70, "hitech-leader")]
    [InlineData(69.9, "hitech")]
    [InlineData(55, "hitech")]
    [InlineData(54.9, "emerging")]
    [InlineData(35, "emerging")]
    [InlineData(34.9, "conventional")]
    [InlineData(0, "conventional")]
    public void The_index_alone_places_an_enterprise_whose_gates_all_pass(double index, string tier) =>
        Assert.Equal(tier, TierFor(index, NoGateFailed));

    [Theory]
    [InlineData(95, "quality_system", "hitech")]
    [InlineData(95, "digital_baseline", "hitech")]
    [InlineData(95, "rd_presence", "emerging")]
    [InlineData(95, "technology_base", "emerging")]
    [InlineData(30, "rd_presence", "conventional")]
    public void A_failed_gate_blocks_every_tier_that_needs_it(double index, string gate, string tier) =>
        Assert.Equal(tier, TierFor(index, Failed(gate)));

    [Fact]
    public void With_every_gate_failed_the_best_is_the_highest_tier_without_gates() =>
        Assert.Equal("emerging", TierFor(100, ulong.MaxValue));

    [Fact]
    public void Full_marks_make_a_hi_tech_leader()
    {
        var scored = Scored.Of(EnterpriseBuilder.FullMarks());

        Assert.Equal(100, scored.Summary.Index);
        Assert.Equal("hitech-leader", scored.Tier);
        Assert.Equal(0UL, scored.Summary.GatesFailed);
        Assert.All(scored.Explanation.Gates, g => Assert.True(g.Passed));
        Assert.Null(scored.Explanation.NextTier);
        Assert.Null(scored.Explanation.WhatItWouldTake);
        Assert.Equal("Hi-Tech Leader", scored.Explanation.Tier.Title.En);
    }

    [Fact]
    public void A_failed_quality_gate_keeps_a_high_index_out_of_the_top_tier()
    {
        var scored = Scored.Of(EnterpriseBuilder.FullMarks().WithCodes("certifications"));

        Assert.Equal(95, scored.Summary.Index);
        Assert.Equal("hitech", scored.Tier);
        Assert.False(scored.Gate("quality_system").Passed);
        Assert.Empty(scored.Gate("quality_system").MissingInputs);
        Assert.Equal("hitech-leader", scored.Explanation.NextTier!.Id);
        var text = ExplanationText.Render(scored.Explanation);
        Assert.Contains("[not met] Certified quality system", text, StringComparison.Ordinal);
        Assert.Contains("Result: Hi-Tech, index 95.0 of 100", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conventional_activity_without_rd_is_at_most_emerging_whatever_its_index()
    {
        // A cordage maker (OECD medium-low) with conventional stages and no R&D, strong on everything else.
        var scored = Scored.Of(EnterpriseBuilder.FullMarks()
            .ClearActivities()
            .Activity("13941", null, "conventional-manufacturing")
            .With("value_added", 3_50_00_000m)
            .With("employees", 40)
            .With("stem_staff", 30)
            .With("rd_spend", 0)
            .With("rd_staff", 0)
            .With("dsir_rd_unit", false));

        // Technology 25 x 70% (medium-low) = 17.5 of 100; R&D only patents and designs (20 of 100).
        Assert.Equal(63.5, scored.Summary.Index);
        Assert.False(scored.Gate("rd_presence").Passed);
        Assert.False(scored.Gate("technology_base").Passed);
        Assert.Equal("emerging", scored.Tier);
        Assert.False(scored.Explanation.Activities.Single().HighValueAdded);
        Assert.StartsWith("meets no high-value-added rule: OECD group medium-low", scored.Explanation.Activities.Single().WhyNot, StringComparison.Ordinal);
    }

    [Fact]
    public void A_knowledge_stage_makes_any_activity_high_value_added()
    {
        var scored = Scored.Of(EnterpriseBuilder.FullMarks()
            .ClearActivities()
            .Activity("13941", null, "design-engineering"));

        var activity = scored.Explanation.Activities.Single();
        Assert.True(activity.HighValueAdded);
        Assert.Equal(["knowledge-stage"], activity.Reasons.Select(r => r.Rule));
        Assert.True(scored.Gate("technology_base").Passed);
    }
}
