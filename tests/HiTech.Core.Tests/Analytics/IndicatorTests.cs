using HiTech.Core.Analytics;
using static HiTech.Core.Tests.Analytics.AnalyticsFacts;

namespace HiTech.Core.Tests.Analytics;

public class IndicatorTests
{
    [Fact]
    public void The_state_indicators_of_five_enterprises_are_the_hand_computed_ones()
    {
        var table = GroupTableBuilder.Tally(FiveEnterprises, GroupDimension.State);
        var state = IndicatorValues.Of(Assert.Single(table.Groups));

        Assert.Equal("kerala", state.Group);
        Assert.Equal(5, state.Enterprises);
        Assert.Equal(3, state.HiTechEnterprises);
        Assert.Equal(8000m, state.ValueAddedInr);
        Assert.Equal(7500m, state.ManufacturingValueAddedInr);
        Assert.Equal(5500m, state.MhtValueAddedInr);
        Assert.Equal(73.33m, Math.Round(state.Sdg9b1SharePercent!.Value, 2));
        Assert.Equal(570m, state.RdSpendInr);
        Assert.Equal(7.125m, state.RdIntensityPercent);
        Assert.Equal(15, state.RdStaff);
        Assert.Equal(12m, state.RdStaffSharePercent);
        Assert.Equal(32.8m, state.StemSharePercent);
        Assert.Equal(4, state.ReturneeHires);
        Assert.Equal(7.407m, Math.Round(state.ExportsSharePercent!.Value, 3));
        Assert.Equal(65, state.DigitalMaturityMean);
        Assert.Equal([0, 0, 1, 2, 1], state.DigitalMaturity.Bands);
        Assert.Equal(7, state.Certifications);
        Assert.Equal(1.4m, state.CertificationsPerEnterprise);
        Assert.Equal(2, state.EnterprisesByTier["hitech"]);
        Assert.Equal(1, state.EnterprisesByTier["hitech-leader"]);
        Assert.Equal(5, state.EnterprisesByStatus[EnterpriseFacts.RegistryStatus]);
    }

    [Fact]
    public void Districts_group_their_own_enterprises_and_the_total_is_the_state()
    {
        var table = GroupTableBuilder.Tally(FiveEnterprises, GroupDimension.District);

        Assert.Equal(["ernakulam", "kollam", "thrissur"], table.Groups.Select(g => g.Group));
        var ernakulam = IndicatorValues.Of(table.Groups[0]);
        Assert.Equal(2, ernakulam.Enterprises);
        Assert.Equal(1, ernakulam.HiTechEnterprises);
        Assert.Equal(33.3333333333m, Math.Round(ernakulam.Sdg9b1SharePercent!.Value, 10));

        // Thrissur: the software firm (division 62) adds value added but no manufacturing value added.
        var thrissur = IndicatorValues.Of(table.Groups[2]);
        Assert.Equal(3500m, thrissur.ValueAddedInr);
        Assert.Equal(100m, thrissur.Sdg9b1SharePercent);
        Assert.Equal(8.5714285714m, Math.Round(thrissur.RdIntensityPercent!.Value, 10));
        Assert.Equal(85, thrissur.DigitalMaturityMean);
        Assert.Equal(5, table.Total.Enterprises);
        Assert.Equal(5500m, table.Total.Measure(Measures.MhtValueAdded).Sum);
    }

    [Fact]
    public void Measure_totals_keep_the_two_largest_contributions_and_who_reported()
    {
        var table = GroupTableBuilder.Tally(FiveEnterprises, GroupDimension.State);
        var rd = table.Total.Measure(Measures.RdSpend);

        Assert.Equal(new MeasureTotals(570m, 300m, 150m, 4), rd);
        Assert.Equal(new MeasureTotals(570m, 300m, 150m, 4), new MeasureTotals().Add(20).Add(300).Add(100).Add(150));
        Assert.Equal(rd, new MeasureTotals().Add(100).Add(20).Merge(new MeasureTotals().Add(300).Add(150)));
    }

    [Fact]
    public void A_group_without_manufacturing_has_no_sdg_share_rather_than_zero()
    {
        var software = IndicatorValues.Of(GroupTableBuilder.Tally([Fact("S1", division: "62", va: 500, mva: 0, mht: 0)], GroupDimension.State).Total);

        Assert.Null(software.Sdg9b1SharePercent);
        Assert.Null(software.ExportsSharePercent);
        Assert.Null(software.DigitalMaturityMean);
    }

    [Fact]
    public void Tier_transitions_count_the_same_enterprises_between_two_years()
    {
        IReadOnlyList<EnterpriseFacts> before = [Fact("A", tier: "emerging"), Fact("B", tier: "hitech"), Fact("C", tier: "conventional"), Fact("D", tier: "emerging")];
        IReadOnlyList<EnterpriseFacts> after = [Fact("A", tier: "hitech", year: 2026), Fact("B", tier: "hitech", year: 2026), Fact("C", tier: "emerging", year: 2026), Fact("E", tier: "conventional", year: 2026)];

        var moves = TierTransitions.Between(before, after);

        Assert.Equal(1, moves.Count("emerging", "hitech"));
        Assert.Equal(1, moves.Count("hitech", "hitech"));
        Assert.Equal(1, moves.Count("conventional", "emerging"));
        Assert.Equal(2, moves.Changed);
        Assert.Equal(1, moves.Entered);
        Assert.Equal(1, moves.Left);
    }

    [Fact]
    public void An_enterprise_twice_in_one_year_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => TierTransitions.Between([Fact("A"), Fact("A")], []));

        Assert.Contains("'A' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_indicator_defined_in_code_is_documented_in_docs_indicators_md()
    {
        var docs = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "indicators.md"));

        foreach (var definition in IndicatorValues.Definitions)
        {
            Assert.Contains($"`{definition.Id}`", docs, StringComparison.Ordinal);
            Assert.Contains(definition.Formula, docs, StringComparison.Ordinal);
        }
    }
}
