using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;
using static HiTech.Web.Features.Analytics.Charts.SvgText;

namespace HiTech.Web.Features.Analytics.Charts;

/// <summary>One bar: its label, its value (null when hidden by disclosure control) and the text shown at its end.</summary>
public sealed record Bar(string Label, double? Value, string Text);

/// <summary>
/// Horizontal bars drawn on the server as inline SVG: each label on its own line above its bar (long Malayalam labels
/// need the width), the value written at the bar's end, a hidden value drawn hatched with its word. The page puts the
/// same figures in a table beside it, so the chart is never the only way to read them.
/// </summary>
public static class BarChart
{
    private const double Width = 600;
    private const double Row = 52;
    private const double BarHeight = 20;
    private const double ValueRoom = 150;

    public static IHtmlContent Render(string id, string title, IReadOnlyList<Bar> bars)
    {
        var max = bars.Select(b => b.Value ?? 0).DefaultIfEmpty(0).Max();
        var height = Math.Max(Row, bars.Count * Row);
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"hitech-chart\" viewBox=\"0 0 {N(Width)} {N(height)}\" width=\"100%\" font-family=\"{Font}\" role=\"img\" aria-labelledby=\"{id}-title\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(title)}</title>")
            .Append(HatchPattern($"{id}-hatch"));
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var top = i * Row;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{N(top + 16)}\" font-size=\"15\" fill=\"#0b0c0c\">{E(bar.Label)}</text>");
            var barTop = top + 22;
            double length;
            if (bar.Value is { } value)
            {
                length = max > 0 ? Math.Max(value / max * (Width - ValueRoom), value > 0 ? 2 : 0) : 0;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{N(barTop)}\" width=\"{N(length)}\" height=\"{N(BarHeight)}\" fill=\"#1d70b8\"/>");
            }
            else
            {
                length = 40;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{N(barTop)}\" width=\"{N(length)}\" height=\"{N(BarHeight)}\" fill=\"url(#{id}-hatch)\" stroke=\"#505a5f\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(length + 6)}\" y=\"{N(barTop + 15)}\" font-size=\"15\" font-weight=\"700\" fill=\"#0b0c0c\">{E(bar.Text)}</text>");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }
}
