using System.Globalization;
using System.Text.Encodings.Web;

namespace HiTech.Web.Features.Analytics.Charts;

/// <summary>Numbers and words written into SVG: invariant numbers, encoded text (labels are data and translations).</summary>
internal static class SvgText
{
    public const string Font = "'Noto Sans', 'Noto Sans Malayalam', arial, sans-serif";

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string E(string text) => HtmlEncoder.Default.Encode(text);

    /// <summary>The diagonal hatching that marks a hidden (suppressed) value, beside its word: never colour alone.</summary>
    public static string HatchPattern(string id) =>
        $"<defs><pattern id=\"{id}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        + "<rect width=\"8\" height=\"8\" fill=\"#f3f2f1\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#505a5f\" stroke-width=\"3\"/></pattern></defs>";
}
