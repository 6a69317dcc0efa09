using HiTech.Core.Analytics;
using HiTech.Core.Reference;
using HiTech.Core.Tests.Frameworks;
using HiTech.Core.Tests.Scoring;

namespace HiTech.Core.Tests.Analytics;

public class EnterpriseFactsBuilderTests
{
    private static readonly EnterpriseFactsBuilder Builder = new(TestFrameworks.Reference, TestFrameworks.Classifier);

    /// <summary>
    /// Electronic components (26101, OECD high) on half the revenue, mutton (10101, medium-low) on 30 % and custom
    /// software (62011, medium-high but not manufacturing) on 20 %: of value added 10,00,000, manufacturing is
    /// 8,00,000 and MHT 5,00,000.
    /// </summary>
    private static EnterpriseBuilder ThreeActivities() => EnterpriseBuilder.FullMarks("MIX-1")
        .ClearActivities()
        .Activity("26101", 0.5m, "rnd", "advanced-manufacturing")
        .Activity("10101", 0.3m, "conventional-manufacturing")
        .Activity("62011", 0.2m, "rnd")
        .With("value_added", 10_00_000m)
        .With("turnover", 40_00_000m)
        .With("export_revenue", 4_00_000m)
        .With("rd_spend", 1_00_000m);

    [Fact]
    public void Value_added_is_split_by_revenue_share_into_manufacturing_and_mht()
    {
        var facts = FromExplanation(ThreeActivities());

        Assert.Equal(10_00_000m, facts.ValueAddedInr);
        Assert.Equal(8_00_000m, facts.ManufacturingValueAddedInr);
        Assert.Equal(5_00_000m, facts.MhtValueAddedInr);
        Assert.Equal("26", facts.NicDivision);
        Assert.Equal(3, facts.Certifications);
        Assert.Equal(16, facts.Employees);
        Assert.Equal(SizeClasses.Micro, facts.SizeClass);
        Assert.Equal("assessment-approved", facts.Status);
    }

    [Fact]
    public void Without_shares_value_added_is_split_equally()
    {
        var facts = FromExplanation(ThreeActivities().ClearActivities().Activity("26101", null, "rnd").Activity("10101").Activity("62011").Activity("28110"));

        Assert.Equal(7_50_000m, facts.ManufacturingValueAddedInr);
        Assert.Equal(5_00_000m, facts.MhtValueAddedInr);
    }

    [Fact]
    public void The_mht_split_follows_the_oecd_group_hitech_classify_reports()
    {
        foreach (var code in new[] { "26101", "10101", "20111", "25111", "25200", "28110", "29101", "32501", "13111" })
        {
            var facts = FromExplanation(ThreeActivities().ClearActivities().Activity(code, null, "rnd"));
            var reported = TestFrameworks.Classifier.Reference.Nic.Find(code)!.OecdGroup;

            Assert.Equal(reported is OecdGroup.High or OecdGroup.MediumHigh ? 10_00_000m : 0m, facts.MhtValueAddedInr);
        }
    }

    [Fact]
    public void An_assessment_and_a_registry_row_of_the_same_enterprise_give_the_same_facts()
    {
        var input = ThreeActivities().Build() with { District = "Trivandrum" };
        var scored = Scored.Of(input);
        var district = TestFrameworks.Classifier.Reference.Districts.TryResolve("Trivandrum", out var d) ? d : null;

        var fromRegistry = Builder.FromWorkspace(input.Id, district, scored.Workspace, scored.Summary, 2025);
        var fromAssessment = Builder.FromExplanation(input, scored.Explanation, 2025, EnterpriseFacts.RegistryStatus);

        Assert.Equal("thiruvananthapuram", fromRegistry.DistrictId);
        Assert.Equal(fromAssessment with { DmaDimensions = null }, fromRegistry);
        Assert.Equal(scored.Tier, fromRegistry.TierId);
        Assert.True(fromRegistry.HiTech);
    }

    [Fact]
    public void Hi_tech_tiers_are_those_that_require_gates()
    {
        Assert.Equal(["hitech-leader", "hitech"], TestFrameworks.Reference.Tiers.Where(HiTechTiers.IsHiTech).Select(t => t.Id));
    }

    private static EnterpriseFacts FromExplanation(EnterpriseBuilder builder)
    {
        var input = builder.Build();
        return Builder.FromExplanation(input, Scored.Of(input).Explanation, 2025, "assessment-approved");
    }
}
