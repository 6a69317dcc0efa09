using HiTech.Core.Registry;
using HiTech.Core.Scoring;
using HiTech.Core.Tests.Frameworks;

namespace HiTech.Core.Tests.Scoring;

public class IndexAndContributionTests
{
    public static TheoryData<string> Enterprises() => ["full", "no-quality", "mid", "missing-rd", "registry-3", "registry-17", "registry-42", "registry-101"];

    private static Scored Enterprise(string name) => name switch
    {
        "full" => Scored.Of(EnterpriseBuilder.FullMarks()),
        "no-quality" => Scored.Of(EnterpriseBuilder.FullMarks().WithCodes("certifications")),
        "mid" => Scored.Of(MidTier()),
        "missing-rd" => Scored.Of(EnterpriseBuilder.FullMarks().Without("rd_spend").Without("patents")),
        _ => Scored.Of(new RegistryGenerator(TestFrameworks.Classifier).Generate(int.Parse(name["registry-".Length..], System.Globalization.CultureInfo.InvariantCulture), 2025).ToInput()),
    };

    /// <summary>A high-tech unit short of the top tier: little R&amp;D money, no patents, ISO 9001 only, no exports.</summary>
    internal static EnterpriseBuilder MidTier(string id = "TEST-MID") => EnterpriseBuilder.FullMarks(id)
        .With("rd_spend", 5_00_000m)
        .With("patents", 0)
        .With("designs", 0)
        .With("dsir_rd_unit", false)
        .With("digital_maturity", 60)
        .With("export_revenue", 0)
        .WithCodes("certifications", "iso9001");

    [Theory]
    [MemberData(nameof(Enterprises))]
    public void Indicator_contributions_add_up_to_their_pillar_and_pillars_to_the_index(string name)
    {
        var explanation = Enterprise(name).Explanation;

        foreach (var pillar in explanation.Pillars)
        {
            // The pillar's contribution and each indicator's are rounded to 2 decimals for reading.
            Assert.Equal(pillar.Contribution, pillar.Indicators.Sum(i => i.Contribution), 0.005 * (pillar.Indicators.Count + 1) + 1e-9);
            Assert.Equal(100, pillar.Indicators.Sum(i => i.Weight), 0.005 * pillar.Indicators.Count + 1e-9);
            Assert.Equal(pillar.Weight * pillar.Score / 100, pillar.Contribution, 0.01);
        }

        Assert.Equal(explanation.Index, explanation.Pillars.Sum(p => p.Contribution), 0.05 + (0.005 * explanation.Pillars.Count) + 1e-9);
    }

    [Fact]
    public void The_mid_tier_unit_adds_up_criterion_by_criterion()
    {
        var scored = Scored.Of(MidTier());

        // Technology 20 + R&D 25 x 33.25% + value added 20 + talent 10 + digital 15 x 60% + global 10 x 15%.
        Assert.Equal(68.8, scored.Summary.Index);
        Assert.Equal(33.25, scored.Explanation.Pillars.Single(p => p.Id == "rnd").Score, 2);
        Assert.Equal(15, scored.Explanation.Pillars.Single(p => p.Id == "global").Score, 2);
        Assert.Equal("hitech", scored.Tier);
    }

    [Fact]
    public void The_index_is_rounded_to_one_decimal_half_away_from_zero()
    {
        // The mid-tier unit's raw index is 68.8125: 20 + 8.3125 + 20 + 10 + 9 + 1.5.
        var scored = Scored.Of(MidTier());

        Assert.Equal(8.31, scored.Explanation.Pillars.Single(p => p.Id == "rnd").Contribution);
        Assert.Equal(Math.Round(68.8125, 1, MidpointRounding.AwayFromZero), scored.Summary.Index);
    }

    [Fact]
    public void Scoring_twice_in_one_workspace_gives_the_same_result()
    {
        var workspace = new ScoringWorkspace(Scored.Framework);
        EnterpriseLoader.Fill(workspace, TestFrameworks.Classifier, MidTier().Build());
        var first = Scorer.Score(workspace);

        EnterpriseLoader.Fill(workspace, TestFrameworks.Classifier, EnterpriseBuilder.FullMarks().Build());
        Assert.Equal(100, Scorer.Score(workspace).Index);
        EnterpriseLoader.Fill(workspace, TestFrameworks.Classifier, MidTier().Build());
        var again = Scorer.Score(workspace);

        Assert.Equal(first.Index, again.Index);
        Assert.Equal(first.Tier, again.Tier);
        Assert.Equal(first.GatesFailed, again.GatesFailed);
    }

    [Fact]
    public void Revenue_shares_of_several_activities_weight_the_technology_pillar()
    {
        // 60% electronics (high, 100 points) and 40% rubber products (medium, 50 points): 60 + 20 = 80.
        var scored = Scored.Of(EnterpriseBuilder.FullMarks()
            .ClearActivities()
            .Activity("26101", 0.6m, "rnd", "advanced-manufacturing")
            .Activity("22191", 0.4m, "conventional-manufacturing")
            .With("high_value_stage_share", 0.6m));

        Assert.Equal(80, scored.Indicator("activity_technology").Raw!.Value, 9);
        Assert.Equal(0.6, scored.Indicator("hva_activity_share").Raw!.Value, 9);
        Assert.Equal([0.6, 0.4], scored.Explanation.Activities.Select(a => a.Share));
        Assert.Equal([true, false], scored.Explanation.Activities.Select(a => a.HighValueAdded));
    }
}
