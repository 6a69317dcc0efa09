using HiTech.Core.Analytics;

namespace HiTech.Core.Tests.Analytics;

/// <summary>Two disjoint groups together: every count added, each measure's top two contributions the top two of both.</summary>
public class GroupTotalsMergeTests
{
    [Fact]
    public void Merging_two_groups_adds_every_figure_and_keeps_the_two_largest_contributions()
    {
        var a = GroupTotals.Empty("d1") with
        {
            Enterprises = 3,
            HiTechEnterprises = 1,
            EnterprisesByTier = new Dictionary<string, int> { ["t1"] = 2, ["none"] = 1 },
            Measures = new Dictionary<string, MeasureTotals> { ["rd_spend"] = MeasureTotals.Empty.Add(50m).Add(10m).Add(5m) },
            DmaDimensions = new Dictionary<string, ScoreDistribution> { ["strategy"] = ScoreDistribution.Empty.Add(30) },
            Certifications = 2,
        };
        var b = GroupTotals.Empty("d2") with
        {
            Enterprises = 2,
            EnterprisesByTier = new Dictionary<string, int> { ["t1"] = 1, ["t2"] = 1 },
            Measures = new Dictionary<string, MeasureTotals> { ["rd_spend"] = MeasureTotals.Empty.Add(20m).Add(1m), ["exports"] = MeasureTotals.Empty.Add(7m) },
            DmaDimensions = new Dictionary<string, ScoreDistribution> { ["strategy"] = ScoreDistribution.Empty.Add(90), ["data"] = ScoreDistribution.Empty.Add(50) },
        };

        var both = a.Merge(b);

        Assert.Equal(("d1", 5, 1, 2), (both.Group, both.Enterprises, both.HiTechEnterprises, both.Certifications));
        Assert.Equal(new Dictionary<string, int> { ["t1"] = 3, ["none"] = 1, ["t2"] = 1 }, both.EnterprisesByTier);
        Assert.Equal(new MeasureTotals(86m, 50m, 20m, 5), both.Measure("rd_spend"));
        Assert.Equal(new MeasureTotals(7m, 7m, 0m, 1), both.Measure("exports"));
        Assert.Equal((120.0, 2), (both.DmaDimensions["strategy"].Sum, both.DmaDimensions["strategy"].Reporting));
        Assert.Equal(1, both.DmaDimensions["data"].Reporting);
    }
}
