using CsCheck;
using HiTech.Core.Reference;

namespace HiTech.Core.Tests.Reference;

public sealed class MsmeClassifierTests
{
    private const decimal Crore = 10_000_000m;
    private static readonly DateOnly In2023 = new(2023, 6, 1);
    private static readonly DateOnly In2025 = new(2025, 6, 1);

    private static MsmeClassifier Msme => TestReference.Data.Msme;

    [Fact]
    public void Two_editions_are_loaded_in_date_order()
    {
        Assert.Equal([new DateOnly(2020, 7, 1), new DateOnly(2025, 4, 1)], Msme.Editions.Select(e => e.EffectiveFrom));
        var first = Msme.Editions[0];
        Assert.Equal(1 * Crore, first.MicroInvestment);
        Assert.Equal(5 * Crore, first.MicroTurnover);
        Assert.Equal(50 * Crore, first.MediumInvestment);
        Assert.Equal(250 * Crore, first.MediumTurnover);
        Assert.Contains("S.O. 2119(E)", first.Source, StringComparison.Ordinal);
        var second = Msme.Editions[1];
        Assert.Equal(2.5m * Crore, second.MicroInvestment);
        Assert.Equal(125 * Crore, second.MediumInvestment);
        Assert.Equal(500 * Crore, second.MediumTurnover);
    }

    [Theory]
    [InlineData("2019-01-01", "2020-07-01")]
    [InlineData("2020-07-01", "2020-07-01")]
    [InlineData("2025-03-31", "2020-07-01")]
    [InlineData("2025-04-01", "2025-04-01")]
    [InlineData("2030-01-01", "2025-04-01")]
    public void LimitsOn_picks_the_edition_in_force(string date, string edition) =>
        Assert.Equal(DateOnly.Parse(edition, System.Globalization.CultureInfo.InvariantCulture),
            Msme.LimitsOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).EffectiveFrom);

    [Theory]
    // 2020 edition: micro 1/5, small 10/50, medium 50/250 (crore).
    [InlineData(1, 5, MsmeSize.Micro)] // exactly at the limits is inside the class
    [InlineData(1.01, 5, MsmeSize.Small)]
    [InlineData(1, 5.01, MsmeSize.Small)]
    [InlineData(10, 50, MsmeSize.Small)]
    [InlineData(0.5, 60, MsmeSize.Medium)] // both counts: small investment, medium turnover -> medium
    [InlineData(50, 250, MsmeSize.Medium)]
    [InlineData(50.01, 1, MsmeSize.Large)]
    [InlineData(1, 250.01, MsmeSize.Large)]
    [InlineData(0, 0, MsmeSize.Micro)]
    public void Classify_under_the_2020_limits(double investmentCrore, double turnoverCrore, MsmeSize expected) =>
        Assert.Equal(expected, Msme.Classify((decimal)investmentCrore * Crore, (decimal)turnoverCrore * Crore, In2023));

    [Theory]
    // 2025 edition: micro 2.5/10, small 25/100, medium 125/500 (crore).
    [InlineData(2.5, 10, MsmeSize.Micro)]
    [InlineData(2, 10.01, MsmeSize.Small)]
    [InlineData(25, 100, MsmeSize.Small)]
    [InlineData(30, 20, MsmeSize.Medium)]
    [InlineData(125, 500, MsmeSize.Medium)]
    [InlineData(125.01, 500, MsmeSize.Large)]
    [InlineData(1, 500.01, MsmeSize.Large)]
    public void Classify_under_the_2025_limits(double investmentCrore, double turnoverCrore, MsmeSize expected) =>
        Assert.Equal(expected, Msme.Classify((decimal)investmentCrore * Crore, (decimal)turnoverCrore * Crore, In2025));

    [Fact]
    public void The_same_unit_can_change_class_with_the_edition()
    {
        Assert.Equal(MsmeSize.Small, Msme.Classify(2 * Crore, 8 * Crore, In2023));
        Assert.Equal(MsmeSize.Micro, Msme.Classify(2 * Crore, 8 * Crore, In2025));
    }

    [Fact]
    public void Negative_amounts_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Msme.Classify(-1, 0, In2025));

    [Fact]
    public void More_investment_or_turnover_never_makes_a_unit_smaller() =>
        Gen.Select(Gen.Decimal[0, 1000 * Crore], Gen.Decimal[0, 1000 * Crore], Gen.Decimal[0, 100 * Crore])
            .Sample((investment, turnover, extra) =>
            {
                var size = Msme.Classify(investment, turnover, In2025);
                Assert.True(Msme.Classify(investment + extra, turnover, In2025) >= size);
                Assert.True(Msme.Classify(investment, turnover + extra, In2025) >= size);
            });

    [Fact]
    public void Ids_are_lower_case_words() =>
        Assert.Equal(["micro", "small", "medium", "large"], Enum.GetValues<MsmeSize>().Select(MsmeSizes.ToId));

    [Fact]
    public void Limits_that_do_not_grow_are_refused_with_their_line()
    {
        const string yaml = """
            editions:
              - effective_from: 2020-07-01
                source: test
                rule: test
                micro: { investment_inr: 100, turnover_inr: 500 }
                small: { investment_inr: 50, turnover_inr: 5000 }
                medium: { investment_inr: 5000, turnover_inr: 50000 }
            """;
        var e = Assert.Throws<ReferenceDataException>(() => MsmeClassifier.Load(new StringReader(yaml), "msme-test.yaml"));
        Assert.Equal("msme-test.yaml", e.Source);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void A_limit_that_is_not_a_whole_number_of_rupees_is_refused()
    {
        const string yaml = """
            editions:
              - effective_from: 2020-07-01
                source: test
                rule: test
                micro: { investment_inr: 1 crore, turnover_inr: 500 }
                small: { investment_inr: 50, turnover_inr: 5000 }
                medium: { investment_inr: 5000, turnover_inr: 50000 }
            """;
        var e = Assert.Throws<ReferenceDataException>(() => MsmeClassifier.Load(new StringReader(yaml), "msme-test.yaml"));
        Assert.Equal(5, e.Line);
        Assert.Equal("micro.investment_inr", e.Field);
    }
}
