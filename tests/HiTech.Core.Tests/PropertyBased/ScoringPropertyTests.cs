using CsCheck;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;
using HiTech.Core.Tests.Frameworks;

namespace HiTech.Core.Tests.PropertyBased;

public class ScoringPropertyTests
{
    private static ScoringWorkspace Load(EnterpriseInput enterprise)
    {
        var workspace = new ScoringWorkspace(Registries.Framework);
        var issues = EnterpriseLoader.Fill(workspace, TestFrameworks.Classifier, enterprise);
        Assert.True(issues.Count == 0, string.Join("; ", issues.Select(i => $"{i.Field}: {i.Reason}")));
        return workspace;
    }

    private static void AssertMoreRdNeverLowers(EnterpriseInput enterprise, decimal extra)
    {
        var before = Scorer.Score(Load(enterprise));
        var rd = enterprise.Inputs.TryGetValue("rd_spend", out var given) ? given.Number!.Value : 0;
        var more = enterprise with { Inputs = enterprise.Inputs.SetItem("rd_spend", InputValue.Of(rd + extra)) };

        var after = Scorer.Score(Load(more));

        Assert.True(after.Index >= before.Index, $"R&D {rd} -> {rd + extra}: index {before.Index} -> {after.Index}");
        Assert.True(after.Tier <= before.Tier, $"R&D {rd} -> {rd + extra}: tier {before.Tier} -> {after.Tier}");
    }

    [Fact]
    public void More_rd_spend_never_lowers_the_index_of_a_generated_enterprise() =>
        Gen.Select(Registries.Generated, Gen.Long[0, 1_000_000_000])
            .Sample((enterprise, extra) => AssertMoreRdNeverLowers(enterprise.ToInput(), extra), iter: 400, threads: 1);

    [Fact]
    public void More_rd_spend_never_lowers_the_index_of_any_enterprise() =>
        Gen.Select(Registries.Arbitrary, Gen.Long[0, 10_000_000_000])
            .Sample((enterprise, extra) => AssertMoreRdNeverLowers(enterprise, extra), iter: 400, threads: 1);

    [Fact]
    public void The_index_stays_within_0_and_100_and_the_tier_is_the_framework_s()
    {
        var framework = Registries.Framework;
        Gen.OneOf(Registries.Arbitrary, Registries.Generated.Select(g => g.ToInput())).Sample(enterprise =>
        {
            var workspace = Load(enterprise);
            var summary = Scorer.Score(workspace);

            Assert.InRange(summary.Index, 0, 100);
            Assert.Equal(summary.Index, Math.Round(summary.Index, 1));
            Assert.InRange(summary.Tier, 0, framework.Tiers.Length - 1);
            Assert.True(summary.Index >= framework.Tiers[summary.Tier].MinIndex);
            Assert.All(workspace.IndicatorScores, s => Assert.InRange(s, 0, 100));
            Assert.All(workspace.PillarScores, s => Assert.InRange(s, 0, 100));

            // The tier is the highest one the index reaches with its gates passed.
            for (var t = 0; t < summary.Tier; t++)
            {
                var tier = framework.Tiers[t];
                var gatesPass = tier.Gates.All(g => (summary.GatesFailed & (1UL << g)) == 0);
                Assert.False(summary.Index >= tier.MinIndex && gatesPass, $"tier {tier.Id} was reachable");
            }
        }, iter: 600, threads: 1);
    }

    [Fact]
    public void Every_generated_enterprise_loads_without_issues() =>
        Registries.Generated.Sample(enterprise =>
        {
            var issues = EnterpriseLoader.Fill(new ScoringWorkspace(Registries.Framework), TestFrameworks.Classifier, enterprise.ToInput());
            Assert.True(issues.Count == 0, $"{enterprise.Id}: {string.Join("; ", issues.Select(i => $"{i.Field}: {i.Reason}"))}");
        }, iter: 500, threads: 1);

    [Fact]
    public void The_generator_gives_the_same_enterprise_for_the_same_index_and_seed() =>
        Gen.Select(Gen.Int[0, 1_000_000], Gen.ULong).Sample((index, seed) =>
        {
            var generator = new RegistryGenerator(TestFrameworks.Classifier);
            Assert.Equal(Registries.Generator.Generate(index, seed).ToCells(), generator.Generate(index, seed).ToCells());
        }, iter: 100, threads: 1);
}
