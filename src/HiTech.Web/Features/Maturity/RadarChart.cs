using System.Globalization;
using System.Text;

namespace HiTech.Web.Features.Maturity;

/// <summary>One spoke of the radar chart: the dimension's title (wrapped), its score and the peers' median, and where things go.</summary>
public sealed record RadarAxis(string Title, IReadOnlyList<string> Lines, int? Score, double? Peer, double EndX, double EndY, double LabelX, double LabelY, string Anchor);

/// <summary>
/// The geometry of the radar chart of the six dimensions (0 at the centre, 100 at the rim), with the firm's scores and
/// the peers' medians, computed once for both the page's inline SVG and the PDF. Coordinates are in a
/// <see cref="Width"/> × <see cref="Height"/> box; the first spoke points up and the rest follow clockwise.
/// </summary>
public sealed class RadarChart
{
    public const double Width = 720;
    public const double Height = 500;
    public const double CentreX = 360;
    public const double CentreY = 250;
    public const double Radius = 140;
    public const double FontSize = 19;
    public const double LineHeight = 22;

    public static readonly int[] Rings = [25, 50, 75, 100];

    private RadarChart(IReadOnlyList<RadarAxis> axes, bool hasPeers)
    {
        Axes = axes;
        HasPeers = hasPeers;
    }

    public IReadOnlyList<RadarAxis> Axes { get; }

    /// <summary>Whether the peers' medians are drawn (only when the benchmark shows every dimension).</summary>
    public bool HasPeers { get; }

    public static RadarChart Build(IReadOnlyList<(string Title, int? Score, double? Peer)> dimensions, int wrap = 14)
    {
        var n = dimensions.Count;
        var axes = new List<RadarAxis>();
        for (var i = 0; i < n; i++)
        {
            var (title, score, peer) = dimensions[i];
            var (cos, sin) = Direction(i, n);
            var lines = Wrap(title, wrap);
            var labelX = CentreX + ((Radius + 14) * cos);
            var labelY = CentreY + ((Radius + 14) * sin);
            var anchor = cos > 0.2 ? "start" : cos < -0.2 ? "end" : "middle";

            // The first line's baseline: above the tip at the top, below it at the bottom, centred on it at the sides.
            var firstY = sin < -0.9 ? labelY - ((lines.Count - 1) * LineHeight) - 4
                : sin > 0.9 ? labelY + 16
                : labelY - ((lines.Count - 1) * LineHeight / 2) + 6;
            axes.Add(new RadarAxis(title, lines, score, peer, CentreX + (Radius * cos), CentreY + (Radius * sin), labelX, firstY, anchor));
        }

        return new RadarChart(axes, n > 0 && dimensions.All(d => d.Peer is not null));
    }

    /// <summary>Where a value (0-100) lies on spoke <paramref name="index"/>.</summary>
    public (double X, double Y) At(int index, double value)
    {
        var (cos, sin) = Direction(index, Axes.Count);
        var r = Radius * Math.Clamp(value, 0, 100) / 100;
        return (CentreX + (r * cos), CentreY + (r * sin));
    }

    public IReadOnlyList<(double X, double Y)> Ring(int value) => [.. Enumerable.Range(0, Axes.Count).Select(i => At(i, value))];

    public IReadOnlyList<(double X, double Y)> Firm => [.. Axes.Select((a, i) => At(i, a.Score ?? 0))];

    public IReadOnlyList<(double X, double Y)> Peers => [.. Axes.Select((a, i) => At(i, a.Peer ?? 0))];

    /// <summary>An SVG points attribute: "x,y x,y ...".</summary>
    public static string Points(IEnumerable<(double X, double Y)> points)
    {
        var text = new StringBuilder();
        foreach (var (x, y) in points)
        {
            text.Append(text.Length == 0 ? "" : " ").Append(N(x)).Append(',').Append(N(y));
        }

        return text.ToString();
    }

    /// <summary>A coordinate in SVG: invariant, one decimal.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static (double Cos, double Sin) Direction(int index, int count)
    {
        var angle = (-90 + (360.0 * index / Math.Max(count, 1))) * Math.PI / 180;
        return (Math.Cos(angle), Math.Sin(angle));
    }

    /// <summary>Breaks a title into lines of about <paramref name="width"/> characters, at spaces.</summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length == 0 ? "" : " ").Append(word);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }
}
