using HiTech.Core.Collaboration;

namespace HiTech.Core.Tests.Collaboration;

public class MatchingWeightsLoaderTests
{
    private const string Valid = """
        id: test
        version: "1"
        effective: 2026-01-01
        points:
          nic: { subclass: 35, class: 28, group: 20, division: 12 }
          stage: 15
          district: { same: 15, neighbouring: 10, elsewhere_in_kerala: 5, outside_kerala: 0, remote: 10 }
          text: 20
          responsiveness: { points: 10, full_days: 2, zero_days: 15, unknown: 0.5 }
          freshness: { points: 5, full_days: 90, zero_days: 365, unknown: 0.5 }
        """;

    [Fact]
    public void The_shipped_weights_load_and_a_perfect_match_scores_100()
    {
        var weights = TestCollaboration.Weights;
        Assert.Equal("2026.1", weights.Version);
        Assert.Equal(100, weights.Maximum, 9);
        Assert.Equal(weights.Responsiveness.Points / 2, weights.Responsiveness.For(null));
    }

    [Fact]
    public void A_valid_file_loads()
    {
        var result = MatchingWeightsLoader.Load(Valid, "w.yaml");
        Assert.Empty(result.Errors);
        Assert.Equal(28, result.Weights!.NicClass);
    }

    [Theory]
    [InlineData("stage: 15", "stage: -15", "negative-points", 6)]
    [InlineData("text: 20", "txet: 20", "unknown-field", 8)]
    [InlineData("group: 20, division: 12", "group: 20, division: 25", "nic-order", 5)]
    [InlineData("same: 15, neighbouring: 10", "same: 5, neighbouring: 10", "district-order", 7)]
    [InlineData("zero_days: 15,", "zero_days: 1,", "ramp-order", 9)]
    [InlineData("unknown: 0.5 }\n  freshness", "unknown: 5 }\n  freshness", "unknown-share", 9)]
    [InlineData("text: 20", "text: 25", "points-total", 5)]
    [InlineData("effective: 2026-01-01", "effective: 1 January", "wrong-type", 3)]
    public void Each_fault_is_named_with_its_line_and_rule(string from, string to, string rule, int line)
    {
        var text = Valid.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);
        var result = MatchingWeightsLoader.Load(text, "w.yaml");
        Assert.Null(result.Weights);
        var error = Assert.Single(result.Errors, e => e.Rule == rule);
        Assert.Equal(line, error.Line);
        Assert.Equal("w.yaml", error.File);
    }
}
