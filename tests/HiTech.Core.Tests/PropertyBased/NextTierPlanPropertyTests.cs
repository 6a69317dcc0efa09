using CsCheck;
using HiTech.Core.Scoring;
using HiTech.Core.Tests.Frameworks;
using HiTech.Core.Tests.Scoring;

namespace HiTech.Core.Tests.PropertyBased;

/// <summary>The promise of a plan: applied to the enterprise, it explains to exactly the tier it names, and at most three changes.</summary>
public class NextTierPlanPropertyTests
{
    private static void AssertPlansHold(EnterpriseInput enterprise)
    {
        var (explanation, issues) = Explainer.Explain(Registries.Framework, TestFrameworks.Classifier, enterprise);
        if (explanation is null)
        {
            // Arbitrary rows may break a check; such a row has no result, so no plan either.
            Assert.NotEmpty(issues);
            return;
        }

        if (explanation.WhatItWouldTake is not { } plans)
        {
            Assert.Null(explanation.NextTier);
            return;
        }

        Assert.Equal(explanation.NextTier!.Id, plans.Target);
        Assert.InRange(plans.Plans.Count, 0, 3);
        Assert.True(plans.Plans.Count > 0 || plans.Closest is not null || Registries.Framework.Levers.Length == 0, "no plan and nothing closest");
        foreach (var plan in plans.Plans)
        {
            Assert.InRange(plan.Changes.Count, 1, 3);
            var (again, againIssues) = Explainer.Explain(Registries.Framework, TestFrameworks.Classifier, PlanApplier.Apply(enterprise, plan));
            Assert.True(again is not null, $"{enterprise.Id}: the plan breaks a check: {string.Join("; ", againIssues.Select(i => i.Reason))}");
            Assert.Equal(plan.Reaches, again.Tier.Id);
            Assert.Equal(plan.Index, again.Index);
        }
    }

    [Fact]
    public void Every_plan_applied_to_a_generated_enterprise_explains_to_exactly_the_tier_it_reaches() =>
        Registries.Generated.Sample(e => AssertPlansHold(e.ToInput()), iter: 150, threads: 1);

    [Fact]
    public void Every_plan_applied_to_an_arbitrary_enterprise_explains_to_exactly_the_tier_it_reaches() =>
        Registries.Arbitrary.Sample(AssertPlansHold, iter: 150, threads: 1);
}
