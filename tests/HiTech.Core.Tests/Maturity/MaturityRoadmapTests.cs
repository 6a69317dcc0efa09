using HiTech.Core.Maturity;
using HiTech.Core.Reference;

namespace HiTech.Core.Tests.Maturity;

public class MaturityRoadmapTests
{
    private static MaturityInstrument Minimal => TestMaturity.Minimal;

    private static MaturityResult Score(MaturityProfile profile, params (string, string[])[] answers) =>
        MaturityScorer.Score(Minimal, profile, TestMaturity.Answers(answers));

    [Fact]
    public void The_larger_gap_comes_first_when_the_index_ignores_maturity()
    {
        // strategy 1 of 4 = 25 (gap 75), data 2 of 4 = 50 (gap 50).
        var result = Score(TestMaturity.Trader(5), ("s_plan", ["ideas"]), ("s_records", ["spreadsheet"]));

        var roadmap = MaturityRoadmap.Build(result, Minimal, SchemeCatalog.Empty, MaturityRoadmap.NoIndex);

        Assert.Equal(["strategy", "data"], roadmap.Steps.Select(s => s.DimensionId));
        Assert.Equal([1, 2], roadmap.Steps.Select(s => s.Rank));
        Assert.Equal([75, 50], roadmap.Steps.Select(s => s.Gap));
        Assert.All(roadmap.Steps, s => Assert.Equal(0, s.HiTechLift));
        Assert.Equal(["strategy-low"], roadmap.Steps[0].Actions.Select(a => a.Action.Id));
    }

    [Fact]
    public void The_lift_is_the_index_with_the_gap_closed_minus_the_index_now()
    {
        var result = Score(TestMaturity.Trader(5), ("s_plan", ["ideas"]), ("s_records", ["spreadsheet"]));

        // Overall (25 + 50) / 2 = 37.5 -> 38. Closing strategy: (100 + 50) / 2 = 75; closing data: (25 + 100) / 2 = 62.5 -> 63.
        var roadmap = MaturityRoadmap.Build(result, Minimal, SchemeCatalog.Empty, maturity => maturity * 0.15);

        Assert.Equal(5.7, roadmap.HiTechIndex);
        Assert.Equal([5.55, 3.75], roadmap.Steps.Select(s => s.HiTechLift));
    }

    [Fact]
    public void A_larger_lift_in_the_index_outranks_a_larger_gap()
    {
        var result = Score(TestMaturity.Trader(5), ("s_plan", ["ideas"]), ("s_records", ["spreadsheet"]));

        // An index that rewards only an overall of 63, which closing the data gap reaches.
        var roadmap = MaturityRoadmap.Build(result, Minimal, SchemeCatalog.Empty, maturity => maturity == 63 ? 10 : 0);

        Assert.Equal(["data", "strategy"], roadmap.Steps.Select(s => s.DimensionId));
        Assert.Equal([10.0, 0.0], roadmap.Steps.Select(s => s.HiTechLift));
    }

    [Fact]
    public void Where_the_index_flattens_the_larger_gap_comes_first()
    {
        var result = Score(TestMaturity.Trader(5), ("s_plan", ["ideas"]), ("s_records", ["spreadsheet"]));

        // Capped at 40: both closures lift the index from 38 to 40.
        var roadmap = MaturityRoadmap.Build(result, Minimal, SchemeCatalog.Empty, maturity => Math.Min(maturity, 40));

        Assert.Equal([2.0, 2.0], roadmap.Steps.Select(s => s.HiTechLift));
        Assert.Equal(["strategy", "data"], roadmap.Steps.Select(s => s.DimensionId));
    }

    [Fact]
    public void With_equal_gaps_and_lifts_the_cheaper_step_comes_first()
    {
        // Both in the low band at 50: strategy-low costs low, data-low medium.
        var low = Score(TestMaturity.Trader(5), ("s_channels", ["orders"]), ("s_records", ["spreadsheet"]));

        // Both in the high band at 75: strategy-high costs high, data-high low.
        var high = Score(TestMaturity.Trader(50), ("s_plan", ["written"]), ("s_channels", ["orders"]), ("s_records", ["system"]), ("s_backup", ["weekly"]), ("d_batches", ["yes"]), ("d_machines", ["no"]));

        var first = MaturityRoadmap.Build(low, Minimal, SchemeCatalog.Empty, MaturityRoadmap.NoIndex);
        var second = MaturityRoadmap.Build(high, Minimal, SchemeCatalog.Empty, MaturityRoadmap.NoIndex);

        Assert.Equal([50, 50], first.Steps.Select(s => s.Score));
        Assert.Equal(["strategy", "data"], first.Steps.Select(s => s.DimensionId));
        Assert.Equal([CostTier.Low, CostTier.Medium], first.Steps.Select(s => s.CostTier));
        Assert.Equal([75, 75], second.Steps.Select(s => s.Score));
        Assert.Equal(["data", "strategy"], second.Steps.Select(s => s.DimensionId));
        Assert.Equal("high", second.Steps[0].Band.Id);
    }

    [Fact]
    public void A_dimension_at_100_needs_no_step()
    {
        var result = Score(TestMaturity.Trader(5), ("s_plan", ["ideas"]), ("s_records", ["system"]), ("s_backup", ["weekly"]));

        var roadmap = MaturityRoadmap.Build(result, Minimal, SchemeCatalog.Empty, MaturityRoadmap.NoIndex);

        Assert.Equal(["strategy"], roadmap.Steps.Select(s => s.DimensionId));
    }

    [Fact]
    public void An_invalid_result_has_no_roadmap()
    {
        var result = Score(TestMaturity.Trader(5), ("s_plan", ["someday"]));

        Assert.Throws<ArgumentException>(() => MaturityRoadmap.Build(result, Minimal, SchemeCatalog.Empty, MaturityRoadmap.NoIndex));
    }

    [Fact]
    public void Each_step_names_its_actions_and_the_schemes_open_to_the_firm_with_their_numbers()
    {
        var shipped = TestMaturity.Shipped;
        var sheet = MaturityTemplate.Build(shipped, MaturityTemplateLevel.Lowest);

        MaturityResult Average(MsmeSize size)
        {
            var result = MaturityScorer.Score(shipped, sheet.Profile with { Size = size }, sheet.Answers);
            var average = shipped.Scoring.BandFor(40);
            return result with { Dimensions = [.. result.Dimensions.Select(d => d.DimensionId == "automation_ai" ? d with { Score = 40, Band = average } : d)] };
        }

        var micro = MaturityRoadmap.Build(Average(MsmeSize.Micro), shipped, TestMaturity.Schemes, MaturityRoadmap.NoIndex);
        var large = MaturityRoadmap.Build(Average(MsmeSize.Large), shipped, TestMaturity.Schemes, MaturityRoadmap.NoIndex);

        var microStep = micro.Steps.Single(s => s.DimensionId == "automation_ai");
        var machine = microStep.Actions.Single(a => a.Action.Id == "automation-average-programmed-machine");
        Assert.Equal(["k-riis-msme-capital-subsidy", "industry-4-0-reimbursement", "cgtmse-credit-guarantee"], machine.Schemes.Select(s => s.Id));
        var reimbursement = machine.Schemes.Single(s => s.Id == "industry-4-0-reimbursement");
        Assert.Equal(20m, reimbursement.Number("reimbursement_percent")!.Value);
        Assert.Equal(2_500_000m, reimbursement.Number("max_per_unit_inr")!.Value);
        Assert.Equal(SchemeUnit.Inr, reimbursement.Number("max_per_unit_inr")!.Unit);

        // A large unit is not offered MSME-only schemes.
        var largeMachine = large.Steps.Single(s => s.DimensionId == "automation_ai").Actions.Single(a => a.Action.Id == "automation-average-programmed-machine");
        Assert.Equal(["industry-4-0-reimbursement"], largeMachine.Schemes.Select(s => s.Id));

        // The cheaper action of a step comes first; the step's cost tier is its cheapest action's.
        Assert.Equal(CostTier.Low, microStep.CostTier);
        Assert.Equal(["automation-average-maintenance-schedule", "automation-average-programmed-machine"], microStep.Actions.Select(a => a.Action.Id));

        // The dimension at 40 has the smallest gap of the six, so it comes last.
        Assert.Equal("automation_ai", micro.Steps[^1].DimensionId);
    }

    [Fact]
    public void The_roadmap_is_deterministic()
    {
        var sheet = MaturityTemplate.Build(TestMaturity.Shipped, MaturityTemplateLevel.Lowest);
        var result = MaturityScorer.Score(TestMaturity.Shipped, sheet.Profile, sheet.Answers);

        var a = MaturityRoadmap.Build(result, TestMaturity.Shipped, TestMaturity.Schemes, m => m * 0.15);
        var b = MaturityRoadmap.Build(result, TestMaturity.Shipped, TestMaturity.Schemes, m => m * 0.15);

        Assert.Equal(a.Steps.Select(s => (s.DimensionId, s.Rank)), b.Steps.Select(s => (s.DimensionId, s.Rank)));
        Assert.Equal(TestMaturity.Shipped.Dimensions.Select(d => d.Id), a.Steps.Select(s => s.DimensionId));
    }
}
