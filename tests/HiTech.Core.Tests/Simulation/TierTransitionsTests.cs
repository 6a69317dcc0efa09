using HiTech.Core.Frameworks;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;
using HiTech.Core.Simulation;
using HiTech.Core.Tests.Frameworks;

namespace HiTech.Core.Tests.Simulation;

public class TierTransitionsTests
{
    private static CompiledFramework Reference => TestFrameworks.Reference;

    private static ScoredRow Row(int baselineTier, int proposalTier, string district = "Ernakulam", int division = 26) =>
        new(1, "X", district, division, null, "", [new ScoreSummary(50, baselineTier, 0, 0, 0), new ScoreSummary(50, proposalTier, 0, 0, 0)], null);

    [Fact]
    public void A_framework_against_itself_keeps_everyone_on_the_diagonal()
    {
        var transitions = new TierTransitions(Reference, Reference, TestFrameworks.Classifier.Reference.Nic);
        var generator = new RegistryGenerator(TestFrameworks.Classifier);
        var (scan, errors) = RegistryScan.Prepare(GeneratedEnterprise.Columns, TestFrameworks.Classifier, Reference, Reference);
        Assert.Empty(errors);
        using (scan)
        {
            for (var i = 0; i < 2000; i++)
            {
                transitions.Add(scan!.Score(new ArrayCells(generator.Generate(i, 21).ToCells()), i + 2));
            }
        }

        var report = transitions.Report();

        Assert.Equal(2000, report.Scored + report.Rejected);
        Assert.Equal(0, report.Up);
        Assert.Equal(0, report.Down);
        Assert.Equal(report.Scored, report.Unchanged);
        for (var b = 0; b < report.Matrix.Count; b++)
        {
            for (var p = 0; p < report.Matrix[b].Count; p++)
            {
                Assert.True(b == p || report.Matrix[b][p] == 0);
            }
        }

        Assert.All(report.ByDistrict, d => Assert.Equal(0, d.Movers));
        Assert.Equal(report.Scored, report.ByDistrict.Sum(d => d.Total));
        Assert.Equal(report.Scored, report.BySector.Sum(s => s.Total));
    }

    [Fact]
    public void Counts_the_matrix_movers_and_totals()
    {
        var transitions = new TierTransitions(Reference, Reference, TestFrameworks.Classifier.Reference.Nic);

        transitions.Add(Row(3, 2, "Ernakulam", 26));
        transitions.Add(Row(3, 2, "Kollam", 10));
        transitions.Add(Row(1, 2, "Kollam", 10));
        transitions.Add(Row(0, 0, "Kollam", 26));
        transitions.Add(Row(2, 2, "Wayanad", 10) with { Issue = new RowIssue("district", "bad"), Scores = [] });

        var report = transitions.Report();

        Assert.Equal(4, report.Scored);
        Assert.Equal(1, report.Rejected);
        Assert.Equal(2, report.Matrix[3][2]);
        Assert.Equal(1, report.Matrix[1][2]);
        Assert.Equal(1, report.Matrix[0][0]);
        Assert.Equal((2, 1, 1), (report.Up, report.Down, report.Unchanged));
        Assert.Equal([1L, 1, 0, 2], report.BaselineTotals);
        Assert.Equal([1L, 0, 3, 0], report.ProposalTotals);
        Assert.Equal(new MoverGroup("Kollam", "Kollam", 1, 1, 1), report.ByDistrict[0]);
        Assert.Equal(new MoverGroup("Ernakulam", "Ernakulam", 1, 0, 0), report.ByDistrict[1]);
        var food = report.BySector[0];
        Assert.Equal(("10", "Manufacture of food products", 1L, 1L), (food.Key, food.Title, food.Up, food.Down));
    }

    [Fact]
    public void Up_and_down_follow_tier_ids_when_the_proposal_adds_a_tier()
    {
        var yaml = File.ReadAllText(TestFrameworks.ReferencePath).Replace(
            "  - id: emerging\n    title: { en: Emerging Hi-Tech, ml: വളർന്നുവരുന്ന ഹൈടെക് }\n    min_index: 35\n",
            "  - id: emerging\n    title: { en: Emerging Hi-Tech, ml: വളർന്നുവരുന്ന ഹൈടെക് }\n    min_index: 35\n    meaning: { en: x, ml: x }\n  - id: starting\n    title: { en: Starting, ml: തുടക്കം }\n    min_index: 20\n",
            StringComparison.Ordinal);
        var fiveTiers = TestFrameworks.LoadText(yaml);
        Assert.True(fiveTiers.IsValid, string.Join("\n", fiveTiers.Errors));
        var transitions = new TierTransitions(Reference, fiveTiers.Framework!, TestFrameworks.Classifier.Reference.Nic);

        Assert.Equal(0, transitions.Direction(0, 0));
        Assert.Equal(0, transitions.Direction(2, 2));
        Assert.Equal(0, transitions.Direction(3, 4));
        Assert.Equal(1, transitions.Direction(3, 3));
        Assert.Equal(-1, transitions.Direction(2, 3));
        Assert.Equal(-1, transitions.Direction(1, 2));
        Assert.Equal(5, transitions.Report().ProposalTiers.Count);
    }
}
