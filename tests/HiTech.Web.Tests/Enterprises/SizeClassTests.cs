using HiTech.Core.Reference;
using HiTech.Web.Features.Enterprises;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Enterprises;

/// <summary>The size class uses the MSME limits in force on the day, and the page shows which limits applied.</summary>
[Collection(EnterprisesCollection.Name)]
public sealed class SizeClassTests(EnterprisesFixture kit)
{
    [Theory]
    [InlineData("2025-03-31", "10000000", "50000000", "micro", "2020-07-01")]
    [InlineData("2025-03-31", "20000000", "60000000", "small", "2020-07-01")]
    [InlineData("2025-04-01", "20000000", "60000000", "micro", "2025-04-01")]
    [InlineData("2025-04-01", "25000000", "100000000", "micro", "2025-04-01")]
    [InlineData("2025-04-01", "25000000.50", "100000000", "small", "2025-04-01")]
    [InlineData("2025-04-01", "1250000000", "5000000000", "medium", "2025-04-01")]
    [InlineData("2025-04-01", "1250000001", "10", "large", "2025-04-01")]
    public void The_limits_in_force_on_the_day_decide_and_a_unit_exactly_at_a_limit_is_inside_the_class(
        string day, string investment, string turnover, string expected, string edition)
    {
        var msme = kit.Factory.Services.GetRequiredService<ReferenceData>().Msme;
        var (sizeClass, limits) = SaveUnit.Classify(
            msme,
            decimal.Parse(investment, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(turnover, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, sizeClass);
        Assert.Equal(DateOnly.Parse(edition, System.Globalization.CultureInfo.InvariantCulture), limits.EffectiveFrom);
    }
}
