using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;
using static HiTech.Web.Features.Analytics.Charts.SvgText;

namespace HiTech.Web.Features.Analytics.Charts;

/// <summary>A district on the tile map: its name, its value (null when hidden) and the text written on its tile.</summary>
public sealed record Tile(string DistrictId, string Name, double? Value, string Text);

/// <summary>
/// The 14 districts of Kerala as a tile-grid map: one equal tile per district, placed roughly where it lies (north at
/// the top, the coast on the left), so Alappuzha and Wayanad read as clearly as Idukki. Made by the project, no
/// boundary data. Tiles are shaded in five steps of the chosen indicator and carry the value as text; a hidden value
/// is hatched and says so.
/// </summary>
public static class TileMap
{
    /// <summary>Column and row of each district id (data/reference/districts.csv).</summary>
    public static readonly IReadOnlyDictionary<string, (int Column, int Row)> Places = new Dictionary<string, (int, int)>(StringComparer.Ordinal)
    {
        ["kasaragod"] = (0, 0),
        ["kannur"] = (0, 1),
        ["wayanad"] = (1, 1),
        ["kozhikode"] = (1, 2),
        ["malappuram"] = (1, 3),
        ["thrissur"] = (1, 4),
        ["palakkad"] = (2, 4),
        ["ernakulam"] = (1, 5),
        ["idukki"] = (2, 5),
        ["alappuzha"] = (1, 6),
        ["kottayam"] = (2, 6),
        ["kollam"] = (1, 7),
        ["pathanamthitta"] = (2, 7),
        ["thiruvananthapuram"] = (1, 8),
    };

    /// <summary>Light to dark (GOV.UK blues); the two darkest carry white text.</summary>
    public static readonly string[] Steps = ["#d2e2f1", "#a5c6e3", "#5694ca", "#1d70b8", "#003078"];

    private const double TileWidth = 190;
    private const double TileHeight = 58;
    private const double Gap = 6;
    private const double LegendRow = 30;

    /// <summary>The step (0-4) of a value between the smallest and the largest shown.</summary>
    public static int StepOf(double value, double min, double max) =>
        max <= min ? Steps.Length - 1 : Math.Clamp((int)((value - min) / (max - min) * Steps.Length), 0, Steps.Length - 1);

    public static IHtmlContent Render(string id, string title, IReadOnlyList<Tile> tiles, string hiddenWord, Func<double, string> format)
    {
        var shown = tiles.Where(t => t.Value is not null).Select(t => t.Value!.Value).ToList();
        var (min, max) = shown.Count > 0 ? (shown.Min(), shown.Max()) : (0, 0);
        var mapHeight = 9 * (TileHeight + Gap);
        var legendItems = shown.Count > 0 ? Steps.Length + 1 : 1;
        var width = 3 * (TileWidth + Gap);
        var height = mapHeight + 10 + legendItems * LegendRow;
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"hitech-chart hitech-map\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"100%\" font-family=\"{Font}\" role=\"img\" aria-labelledby=\"{id}-title\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(title)}</title>")
            .Append(HatchPattern($"{id}-hatch"));
        foreach (var tile in tiles)
        {
            if (!Places.TryGetValue(tile.DistrictId, out var place))
            {
                continue;
            }

            var x = place.Column * (TileWidth + Gap);
            var y = place.Row * (TileHeight + Gap);
            var step = tile.Value is { } v ? StepOf(v, min, max) : -1;
            var fill = step >= 0 ? Steps[step] : $"url(#{id}-hatch)";
            var ink = step >= 3 ? "#ffffff" : "#0b0c0c";
            svg.Append(CultureInfo.InvariantCulture, $"<g data-district=\"{E(tile.DistrictId)}\"><rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(TileWidth)}\" height=\"{N(TileHeight)}\" fill=\"{fill}\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + 8)}\" y=\"{N(y + 22)}\" font-size=\"15\" fill=\"{ink}\">{E(tile.Name)}</text>");
            var text = tile.Value is null ? hiddenWord : tile.Text;
            if (tile.Value is null)
            {
                // White behind the word so it reads on the hatching.
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x + 5)}\" y=\"{N(y + 31)}\" width=\"{N(TileWidth - 10)}\" height=\"22\" fill=\"#ffffff\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + 8)}\" y=\"{N(y + 48)}\" font-size=\"15\" font-weight=\"700\" fill=\"{(tile.Value is null ? "#0b0c0c" : ink)}\">{E(text)}</text></g>");
        }

        var legendTop = mapHeight + 10;
        var item = 0;
        if (shown.Count > 0)
        {
            for (var s = 0; s < Steps.Length; s++, item++)
            {
                var from = min + (max - min) * s / Steps.Length;
                var to = min + (max - min) * (s + 1) / Steps.Length;
                LegendItem(svg, legendTop + item * LegendRow, Steps[s], $"{format(from)} – {format(to)}");
            }
        }

        LegendItem(svg, legendTop + item * LegendRow, $"url(#{id}-hatch)", hiddenWord);
        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static void LegendItem(StringBuilder svg, double y, string fill, string text) =>
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{N(y)}\" width=\"36\" height=\"20\" fill=\"{fill}\" stroke=\"#0b0c0c\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"46\" y=\"{N(y + 15)}\" font-size=\"15\" fill=\"#0b0c0c\">{E(text)}</text>");
}
