using HiTech.Core.Maturity;
using HiTech.Core.Reference;

namespace HiTech.Core.Tests.Maturity;

public class PeerBenchmarkTests
{
    private static readonly PeerFirm Firm = new("13", MsmeSize.Small, "Alappuzha");

    private static PeerRecord Peer(int overall, string? division = "13", MsmeSize? size = MsmeSize.Small, string? district = "Alappuzha", int? strategy = null) =>
        new(overall, strategy is { } s ? new Dictionary<string, int> { ["strategy"] = s } : new Dictionary<string, int>(), division, size, district);

    private static List<PeerRecord> Many(int count, Func<int, PeerRecord> make) => [.. Enumerable.Range(0, count).Select(make)];

    [Fact]
    public void The_narrowest_group_with_enough_firms_is_used_and_named()
    {
        var peers = Many(10, i => Peer(i * 10, district: "alappuzha", strategy: i * 10));

        var result = PeerBenchmark.Compute(45, new Dictionary<string, int> { ["strategy"] = 45 }, peers, Firm, 10);

        Assert.True(result.Shown);
        Assert.Equal(PeerGroupLevel.DivisionSizeDistrict, result.Level);
        Assert.Equal(10, result.GroupSize);

        // Scores 0..90; 45 is above 5 of 10 and level with none: 50th percentile; median (40 + 50) / 2.
        Assert.Equal(new PeerStanding(45, 50, 45, 10), result.Overall);
        Assert.Equal(new PeerStanding(45, 50, 45, 10), result.Dimensions["strategy"]);
    }

    [Fact]
    public void A_small_group_widens_to_division_and_size_then_division_then_all()
    {
        var sameDistrict = Many(3, _ => Peer(50));
        var otherDistricts = Many(4, _ => Peer(50, district: "Kollam"));
        var otherSizes = Many(5, _ => Peer(50, size: MsmeSize.Micro));
        var otherDivisions = Many(6, _ => Peer(50, division: "22"));

        var toDivisionSize = PeerBenchmark.Compute(50, new Dictionary<string, int>(), [.. sameDistrict, .. otherDistricts], Firm, 7);
        var toDivision = PeerBenchmark.Compute(50, new Dictionary<string, int>(), [.. sameDistrict, .. otherDistricts, .. otherSizes], Firm, 10);
        var toAll = PeerBenchmark.Compute(50, new Dictionary<string, int>(), [.. sameDistrict, .. otherDistricts, .. otherSizes, .. otherDivisions], Firm, 15);

        Assert.Equal((PeerGroupLevel.DivisionSize, 7), (toDivisionSize.Level!.Value, toDivisionSize.GroupSize));
        Assert.Equal((PeerGroupLevel.Division, 12), (toDivision.Level!.Value, toDivision.GroupSize));
        Assert.Equal((PeerGroupLevel.All, 18), (toAll.Level!.Value, toAll.GroupSize));
        Assert.Equal(
            [new PeerGroupTried(PeerGroupLevel.DivisionSizeDistrict, 3), new PeerGroupTried(PeerGroupLevel.DivisionSize, 7), new PeerGroupTried(PeerGroupLevel.Division, 12), new PeerGroupTried(PeerGroupLevel.All, 18)],
            toAll.Tried);
    }

    [Fact]
    public void No_benchmark_is_shown_when_even_all_peers_are_too_few()
    {
        var peers = Many(9, i => Peer(i * 10, division: i % 2 == 0 ? "13" : "22"));

        var result = PeerBenchmark.Compute(40, new Dictionary<string, int>(), peers, Firm, 10);

        Assert.False(result.Shown);
        Assert.Null(result.Level);
        Assert.Null(result.Overall);
        Assert.Empty(result.Dimensions);
        Assert.Equal(0, result.GroupSize);
        Assert.Equal(9, result.Tried[^1].Size);
    }

    [Fact]
    public void A_group_below_the_minimum_is_never_reported_even_for_one_dimension()
    {
        // Ten peers in the group, but only four have a strategy score: the overall is shown, strategy is not.
        var peers = Many(10, i => Peer(i * 10, strategy: i < 4 ? i * 10 : null));

        var result = PeerBenchmark.Compute(55, new Dictionary<string, int> { ["strategy"] = 55 }, peers, Firm, 10);

        Assert.True(result.Shown);
        Assert.NotNull(result.Overall);
        Assert.False(result.Dimensions.ContainsKey("strategy"));
    }

    [Fact]
    public void A_firm_with_unknown_division_is_compared_with_all()
    {
        var peers = Many(12, i => Peer(i));

        var result = PeerBenchmark.Compute(6, new Dictionary<string, int>(), peers, new PeerFirm(null, MsmeSize.Small, "Alappuzha"), 10);

        Assert.Equal(PeerGroupLevel.All, result.Level);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(100, 100)]
    [InlineData(50, 50)]
    public void Ties_count_half(int score, int percentile)
    {
        // Ten peers all at 50: below all, level with all, or above all.
        var peers = Many(10, _ => Peer(50));

        var result = PeerBenchmark.Compute(score, new Dictionary<string, int>(), peers, Firm, 10);

        Assert.Equal(percentile, result.Overall!.Percentile);
    }

    [Fact]
    public void The_median_of_an_odd_group_is_its_middle_score()
    {
        var peers = Many(11, i => Peer(i * 10));

        var result = PeerBenchmark.Compute(35, new Dictionary<string, int>(), peers, Firm, 10);

        Assert.Equal(50, result.Overall!.Median);
        Assert.Equal(36, result.Overall.Percentile); // 4 of 11 below: 36.4
    }

    [Fact]
    public void A_result_benchmarks_its_overall_and_dimension_scores()
    {
        var answers = TestMaturity.Answers(("s_plan", ["ideas"]), ("s_channels", ["orders"]), ("s_records", ["system"]), ("s_backup", ["weekly"]));
        var result = MaturityScorer.Score(TestMaturity.Minimal, TestMaturity.Trader(5), answers);
        var peers = Many(4, i => new PeerRecord(i * 30, new Dictionary<string, int> { ["strategy"] = i * 30, ["data"] = 100 }, "13", MsmeSize.Small, "Alappuzha"));

        var benchmark = PeerBenchmark.Compute(result, peers, Firm, TestMaturity.Minimal.Scoring.PeerMinimum);

        Assert.Equal(PeerGroupLevel.DivisionSizeDistrict, benchmark.Level);
        Assert.Equal(result.Overall, benchmark.Overall!.Score);
        Assert.Equal(["data", "strategy"], benchmark.Dimensions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(50, benchmark.Dimensions["data"].Percentile);
    }
}
