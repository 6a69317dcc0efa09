using HiTech.Core.Analytics;

namespace HiTech.Web.Features.Analytics;

/// <summary>
/// The indicators the dashboard can colour the map and draw the breakdowns by: Core's <see cref="IndicatorValues"/>
/// read, never computed here. Ids are the indicator ids of docs/indicators.md (and of the URL's <c>indicator</c>).
/// </summary>
public static class DashboardIndicators
{
    public const string HiTech = "hi_tech_enterprises";
    public const string Sdg9b1 = "sdg_9b1_share";
    public const string RdIntensity = "rd_intensity";
    public const string DigitalMaturity = "digital_maturity_mean";
    public const string Enterprises = "enterprises";

    /// <summary>The choices, in the order the form offers them; the first is the default.</summary>
    public static IReadOnlyList<string> All { get; } = [HiTech, Sdg9b1, RdIntensity, DigitalMaturity, Enterprises];

    /// <summary>The indicator's value for a group, null when it cannot be computed (no denominator).</summary>
    public static double? ValueOf(string indicator, IndicatorValues values) => indicator switch
    {
        HiTech => values.HiTechEnterprises,
        Sdg9b1 => (double?)values.Sdg9b1SharePercent,
        RdIntensity => (double?)values.RdIntensityPercent,
        DigitalMaturity => values.DigitalMaturityMean,
        Enterprises => values.Enterprises,
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "not a dashboard indicator"),
    };

    /// <summary>The value as the page writes it: counts in Indian grouping, shares as percentages, scores out of 100.</summary>
    public static string Format(string indicator, double? value) => value is not { } v
        ? "–"
        : indicator switch
        {
            HiTech or Enterprises => Fmt.Number((decimal)v),
            Sdg9b1 or RdIntensity => Fmt.Number((decimal)v, 1) + "%",
            _ => Fmt.Number((decimal)v, 1),
        };

    /// <summary>The change from last year as written: signed, in points for shares and scores.</summary>
    public static string FormatChange(string indicator, double? change) => change is not { } c
        ? "–"
        : (c > 0 ? "+" : c < 0 ? "−" : "±") + Format(indicator, Math.Abs(c));
}
