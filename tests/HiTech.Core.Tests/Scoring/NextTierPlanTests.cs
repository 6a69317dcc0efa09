using HiTech.Core.Scoring;
using HiTech.Core.Tests.Frameworks;

namespace HiTech.Core.Tests.Scoring;

/// <summary>
/// Plans to reach the next tier: each is applied to the enterprise and explained again, and must give exactly the tier it
/// says; blocking conditions come first; no change is one too many; facts of the business never move.
/// </summary>
public class NextTierPlanTests
{
    private static NextTierPlans Plans(EnterpriseBuilder builder) => Scored.Of(builder).Explanation.WhatItWouldTake!;

    private static void AssertEachPlanHolds(EnterpriseInput enterprise, NextTierPlans plans)
    {
        foreach (var plan in plans.Plans)
        {
            var changed = Scored.Of(PlanApplier.Apply(enterprise, plan));
            Assert.Equal(plan.Reaches, changed.Tier);
            Assert.Equal(plan.Index, changed.Summary.Index);
        }
    }

    [Fact]
    public void A_mid_tier_unit_gets_up_to_three_verified_plans_cheapest_first()
    {
        var enterprise = IndexAndContributionTests.MidTier().Build();
        var plans = Scored.Of(enterprise).Explanation.WhatItWouldTake!;

        Assert.Equal("hitech-leader", plans.Target);
        Assert.InRange(plans.Plans.Count, 1, 3);
        Assert.All(plans.Plans, p => Assert.InRange(p.Changes.Count, 1, 3));
        Assert.Equal(plans.Plans.Select(p => p.Effort).Order(), plans.Plans.Select(p => p.Effort));
        Assert.Equal(plans.Plans.Count, plans.Plans.Select(p => string.Join(",", p.Changes.Select(c => c.Input).Order())).Distinct().Count());
        AssertEachPlanHolds(enterprise, plans);
    }

    [Fact]
    public void Every_change_of_a_plan_is_needed()
    {
        var enterprise = IndexAndContributionTests.MidTier().Build();
        foreach (var plan in Scored.Of(enterprise).Explanation.WhatItWouldTake!.Plans.Where(p => p.Changes.Count > 1))
        {
            foreach (var change in plan.Changes)
            {
                var without = plan with { Changes = [.. plan.Changes.Where(c => c != change)] };
                Assert.NotEqual("hitech-leader", Scored.Of(PlanApplier.Apply(enterprise, without)).Tier);
            }
        }
    }

    [Fact]
    public void A_failed_gate_is_named_first_and_every_plan_meets_it_first()
    {
        // Full marks on the index but no certificate: the quality condition alone keeps it from the top tier.
        var builder = EnterpriseBuilder.FullMarks().WithCodes("certifications");
        var plans = Plans(builder);

        Assert.Equal(["quality_system"], plans.BlockingGates);
        Assert.NotEmpty(plans.Plans);
        Assert.All(plans.Plans, p => Assert.Equal(["quality_system"], p.Changes[0].MeetsGates));
        Assert.All(plans.Plans, p => Assert.Equal("certifications", p.Changes[0].Input));

        // The cheapest certificate that meets the condition is ISO 9001 (effort 2 in the framework's levers).
        Assert.Equal(["iso9001"], plans.Plans[0].Changes[0].AddedCodes);
        AssertEachPlanHolds(builder.Build(), plans);
    }

    [Fact]
    public void The_support_schemes_come_from_the_catalogue()
    {
        var enterprise = EnterpriseBuilder.FullMarks().WithCodes("certifications").Build();
        var (explanation, _) = Explainer.Explain(TestFrameworks.Reference, TestFrameworks.Classifier, enterprise, Maturity.TestMaturity.Schemes);

        var change = explanation!.WhatItWouldTake!.Plans[0].Changes[0];

        Assert.Equal(["msme-zed-certification"], change.Schemes.Select(s => s.Id));
        Assert.Equal("MSME Sustainable (ZED) Certification", change.Schemes[0].Name.En);
        Assert.False(string.IsNullOrEmpty(change.Schemes[0].Name.Ml));
    }

    [Fact]
    public void Facts_of_the_business_never_change_and_values_are_what_a_person_would_enter()
    {
        var plans = Plans(IndexAndContributionTests.MidTier());

        Assert.All(plans.Plans.SelectMany(p => p.Changes), c =>
        {
            Assert.DoesNotContain(c.Input, new[] { "turnover", "employees" });
            var to = PlanChange.Number(c.To);
            switch (c.Type)
            {
                case "money":
                    Assert.Equal(0, to!.Value % 1000);
                    break;
                case "ratio":
                    Assert.Equal(to!.Value, Math.Round(to.Value, 2));
                    break;
                case "count":
                case "number":
                    Assert.Equal(to!.Value, Math.Round(to.Value));
                    break;
            }
        });
    }

    [Fact]
    public void A_plan_moves_numbers_to_the_least_rounded_value_that_reaches()
    {
        var enterprise = IndexAndContributionTests.MidTier().Build();
        foreach (var plan in Scored.Of(enterprise).Explanation.WhatItWouldTake!.Plans)
        {
            foreach (var change in plan.Changes.Where(c => c.Type == "money"))
            {
                // Rupees are rounded to a tenth of a step's order (thousands, ten thousands or lakhs); one unit less falls short.
                var to = PlanChange.Number(change.To)!.Value;
                var unit = new[] { 1_00_000m, 10_000m, 1_000m }.First(u => to % u == 0 || u == 1_000m);
                var less = plan with { Changes = [.. plan.Changes.Select(c => c == change ? c with { To = to - unit } : c)] };
                Assert.NotEqual("hitech-leader", Scored.Of(PlanApplier.Apply(enterprise, less)).Tier);
            }
        }
    }

    [Fact]
    public void When_no_plan_of_three_changes_exists_it_says_so_and_what_comes_closest()
    {
        // Trading in coir yarn with no high-value stage: the technology condition of Hi-Tech depends on what the unit
        // does, which no figure can change, so no plan reaches Hi-Tech from Emerging.
        var builder = new EnterpriseBuilder("TEST-TRADER")
            .Activity("13941", null, "trading-distribution")
            .With("turnover", 2_00_00_000m)
            .With("value_added", 60_00_000m)
            .With("employees", 20)
            .With("rd_spend", 10_00_000m)
            .With("rd_staff", 3)
            .With("stem_staff", 8)
            .With("digital_maturity", 70)
            .WithCodes("certifications", "iso9001");
        var scored = Scored.Of(builder);
        Assert.Equal("emerging", scored.Tier);

        var plans = scored.Explanation.WhatItWouldTake!;

        Assert.Equal("hitech", plans.Target);
        Assert.Contains("technology_base", plans.BlockingGates);
        Assert.Empty(plans.Plans);
        Assert.NotNull(plans.Closest);
        Assert.Contains("technology_base", plans.Closest.GatesNotMet);
        Assert.Equal("emerging", plans.Closest.Reaches);
        Assert.Equal(plans.Closest.Index, Scored.Of(PlanApplier.Apply(builder.Build(), plans.Closest)).Summary.Index);
        Assert.Contains("No plan of up to three changes reaches it.", ExplanationText.Render(scored.Explanation), StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_names_the_blocking_condition_and_sizes_in_rupees_and_per_cent()
    {
        var text = ExplanationText.Render(Scored.Of(EnterpriseBuilder.FullMarks().WithCodes("certifications").With("rd_spend", 5_00_000m)).Explanation);

        Assert.Contains("First, the conditions not met yet: Certified quality system (not met).", text, StringComparison.Ordinal);
        Assert.Contains("    - Certifications held: add iso9001 (meets Certified quality system (not met))", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_explanation_from_before_plans_still_reads()
    {
        var json = ExplanationJson.Serialize(Scored.Of(IndexAndContributionTests.MidTier()).Explanation);
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        node["what_it_would_take"] = System.Text.Json.Nodes.JsonNode.Parse("""[{"input":"rd_spend","title":{"en":"R&D spending"},"reachable":true,"current":"₹5,00,000","needed":"₹9,00,000","note":"raise"}]""");

        var read = System.Text.Json.JsonSerializer.Deserialize<Explanation>(node.ToJsonString(), ExplanationJson.Options)!;

        Assert.Null(read.WhatItWouldTake);
        Assert.Contains("Not worked out for this result", ExplanationText.Render(read), StringComparison.Ordinal);
    }

    [Fact]
    public void Plans_read_back_from_json_as_they_were_written()
    {
        var explanation = Scored.Of(IndexAndContributionTests.MidTier()).Explanation;

        var read = System.Text.Json.JsonSerializer.Deserialize<Explanation>(ExplanationJson.Serialize(explanation), ExplanationJson.Options)!;

        Assert.Equal(ExplanationJson.Serialize(explanation), ExplanationJson.Serialize(read));
        Assert.Equal(explanation.WhatItWouldTake!.Plans.Count, read.WhatItWouldTake!.Plans.Count);
    }

    [Fact]
    public void Every_scheme_a_shipped_lever_names_is_in_the_shipped_catalogue()
    {
        var named = TestFrameworks.Reference.Levers.SelectMany(l => l.Definition.Schemes).Distinct().ToList();

        Assert.NotEmpty(named);
        Assert.All(named, id => Assert.True(Maturity.TestMaturity.Schemes.TryGet(id, out _), $"{id} is not in data/schemes"));
    }
}
