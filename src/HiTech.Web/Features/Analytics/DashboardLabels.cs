using System.Globalization;
using HiTech.Core.Analytics;
using HiTech.Core.Reference;

namespace HiTech.Web.Features.Analytics;

/// <summary>
/// How a published figure reads in the user's language: indicator names, group names (districts, sectors, sizes,
/// years), and what a hidden cell says instead of its figure. Shared by the dashboard and the open-data page, so both
/// word the same cells the same way.
/// </summary>
public sealed class DashboardLabels(ReferenceData reference, IStringLocalizer<AnalyticsText> n)
{
    public string IndicatorName(string indicator) => indicator switch
    {
        DashboardIndicators.HiTech => n["Hi-tech enterprises"],
        DashboardIndicators.Sdg9b1 => n["SDG 9.b.1: medium-high and high-tech share of manufacturing value added"],
        DashboardIndicators.RdIntensity => n["R&D intensity (R&D spending as a share of value added)"],
        DashboardIndicators.DigitalMaturity => n["Digital maturity (mean score out of 100)"],
        _ => n["Enterprises"],
    };

    /// <summary>A group's name in the user's language: a district, a priority sector, a size class or a year.</summary>
    public string Label(GroupDimension by, string key) => by switch
    {
        GroupDimension.District when key == GroupDimensions.UnknownDistrict => n["District not known"],
        GroupDimension.District => reference.Districts.All.FirstOrDefault(d => d.Id == key) is { } d ? DistrictNames.Of(d) : key,
        GroupDimension.Sector when key == GroupDimensions.NoSector => n["No priority sector"],
        GroupDimension.Sector => reference.PrioritySectors.TryGet(key, out var s) ? (Language.Current == Language.Malayalam ? s.NameMl : s.Name) : key,
        GroupDimension.Size => SizeName(key),
        GroupDimension.Year => int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? Fmt.FinancialYear(y) : key,
        _ => key,
    };

    public string SizeName(string size) => size switch
    {
        SizeClasses.Micro => n["Micro"],
        SizeClasses.Small => n["Small"],
        SizeClasses.Medium => n["Medium"],
        SizeClasses.Large => n["Large"],
        _ => n["Size not known"],
    };

    /// <summary>What a hidden cell says instead of its figure: that it is hidden, and by which rule.</summary>
    public string Hidden(CellDisclosure verdict, DisclosureRules rules) => verdict.Rule switch
    {
        SuppressionRule.MinFrequency => n["hidden: fewer than {0} enterprises", rules.MinFrequency],
        SuppressionRule.Dominance => n["hidden: one or two enterprises make up most of it"],
        _ => n["hidden: it would give away another hidden figure"],
    };

    /// <summary>A row's figure for an indicator, or what it says when hidden.</summary>
    public string Cell(DisclosedRow row, string indicator, DisclosureRules rules) =>
        row.Values is { } values ? DashboardIndicators.Format(indicator, DashboardIndicators.ValueOf(indicator, values)) : Hidden(row.Verdict, rules);
}
