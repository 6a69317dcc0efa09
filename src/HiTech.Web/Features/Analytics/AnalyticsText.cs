namespace HiTech.Web.Features.Analytics;

/// <summary>Marker for the analytics strings: Resources/Features/Analytics/AnalyticsText.ml.resx (English is the key).</summary>
public sealed class AnalyticsText
{
}
