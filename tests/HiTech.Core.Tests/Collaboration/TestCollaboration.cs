using HiTech.Core.Collaboration;
using HiTech.Core.Tests.Frameworks;
using HiTech.Core.Tests.Reference;

namespace HiTech.Core.Tests.Collaboration;

/// <summary>The shipped collaboration data and matching weights, loaded once for the test run.</summary>
public static class TestCollaboration
{
    private static readonly Lazy<CollaborationData> LazyData = new(() => CollaborationData.Load(TestReference.DataDirectory, TestReference.Data, TestFrameworks.Reference));

    private static readonly Lazy<MatchingWeights> LazyWeights = new(() =>
    {
        var result = MatchingWeightsLoader.LoadFile(WeightsPath);
        return result.Weights ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    });

    public static string WeightsPath => Path.Combine(TestReference.DataDirectory, "collaboration", "matching", "2026.1.yaml");

    public static string NeighboursPath => Path.Combine(TestReference.DataDirectory, "reference", "district-neighbours.csv");

    public static CollaborationData Data => LazyData.Value;

    public static MatchingWeights Weights => LazyWeights.Value;
}
