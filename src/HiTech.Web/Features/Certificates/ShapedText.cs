using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace HiTech.Web.Features.Certificates;

/// <summary>
/// Draws text shaped by HarfBuzz (<see cref="SKShaper"/>), so Malayalam conjuncts, chillu letters and vowel
/// signs come out right. A line is split into runs by script (Malayalam in Noto Sans Malayalam, the rest in
/// Noto Sans). Each run is drawn as a text blob that carries the UTF-8 text and HarfBuzz's clusters, so the
/// PDF gets a correct ToUnicode/ActualText mapping: the text can be searched, copied and extracted.
/// </summary>
public sealed class ShapedText : IDisposable
{
    private readonly CertificateFonts _fonts;
    private readonly Dictionary<SKTypeface, SKShaper> _shapers = [];
    private readonly SKFont _malayalamProbe;

    public ShapedText(CertificateFonts fonts)
    {
        _fonts = fonts;
        _malayalamProbe = new SKFont(fonts.Malayalam);
    }

    public void Dispose()
    {
        _malayalamProbe.Dispose();
        foreach (var shaper in _shapers.Values)
        {
            shaper.Dispose();
        }
    }

    /// <summary>The width the text takes at this size.</summary>
    public float Measure(string text, float size, bool bold)
    {
        var width = 0f;
        foreach (var (run, typeface) in Runs(text, bold))
        {
            using var font = Font(typeface, size);
            width += Shape(run, typeface, font, 0, 0).Width;
        }

        return width;
    }

    /// <summary>Draws one line with its baseline at <paramref name="y"/>, aligned on <paramref name="x"/>.</summary>
    public float Draw(SKCanvas canvas, string text, float x, float y, float size, SKColor color, bool bold = false, SKTextAlign align = SKTextAlign.Left)
    {
        var width = Measure(text, size, bold);
        var left = align switch
        {
            SKTextAlign.Center => x - (width / 2),
            SKTextAlign.Right => x - width,
            _ => x,
        };
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        foreach (var (run, typeface) in Runs(text, bold))
        {
            using var font = Font(typeface, size);
            var utf8 = Encoding.UTF8.GetBytes(run);
            var shaped = Shape(run, typeface, font, left, y);
            if (shaped.Codepoints.Length > 0)
            {
                using var builder = new SKTextBlobBuilder();
                var buffer = builder.AllocatePositionedTextRun(font, shaped.Codepoints.Length, utf8.Length, null);
                buffer.SetGlyphs([.. shaped.Codepoints.Select(c => (ushort)c)]);
                buffer.SetPositions(shaped.Points);
                buffer.SetText(utf8);
                buffer.SetClusters(shaped.Clusters);
                using var blob = builder.Build();
                if (blob is not null)
                {
                    canvas.DrawText(blob, 0, 0, paint);
                }
            }

            left += shaped.Width;
        }

        return width;
    }

    /// <summary>Breaks text into lines no wider than <paramref name="maxWidth"/>, at spaces.</summary>
    public IReadOnlyList<string> Wrap(string text, float size, bool bold, float maxWidth)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Measure(candidate, size, bold) > maxWidth)
            {
                lines.Add(line.ToString());
                line.Clear().Append(word);
            }
            else
            {
                line.Clear().Append(candidate);
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    private static SKFont Font(SKTypeface typeface, float size) => new(typeface, size) { Subpixel = true, LinearMetrics = true };

    private SKShaper.Result Shape(string run, SKTypeface typeface, SKFont font, float x, float y)
    {
        if (!_shapers.TryGetValue(typeface, out var shaper))
        {
            shaper = new SKShaper(typeface);
            _shapers[typeface] = shaper;
        }

        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf8(Encoding.UTF8.GetBytes(run));
        buffer.GuessSegmentProperties();
        if (typeface == _fonts.Malayalam || typeface == _fonts.MalayalamBold)
        {
            buffer.Script = Script.Malayalam;
            buffer.Language = new HarfBuzzSharp.Language("ml");
        }

        return shaper.Shape(buffer, x, y, font);
    }

    /// <summary>Splits text into runs of one typeface: Malayalam letters in the Malayalam face, the rest in Noto Sans; spaces and punctuation stay with the run they are in.</summary>
    private IEnumerable<(string Text, SKTypeface Typeface)> Runs(string text, bool bold)
    {
        var latin = bold ? _fonts.LatinBold : _fonts.Latin;
        var malayalam = bold ? _fonts.MalayalamBold : _fonts.Malayalam;
        var start = 0;
        SKTypeface? current = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            SKTypeface wanted;
            if (IsMalayalam(c))
            {
                wanted = malayalam;
            }
            else if (current == malayalam && IsNeutral(c) && _malayalamProbe.ContainsGlyph(c))
            {
                wanted = malayalam;
            }
            else
            {
                wanted = latin;
            }

            if (current is not null && wanted != current)
            {
                yield return (text[start..i], current);
                start = i;
            }

            current = wanted;
        }

        if (current is not null)
        {
            yield return (text[start..], current);
        }
    }

    private static bool IsMalayalam(char c) => c is >= '\u0D00' and <= '\u0D7F' or '\u200C' or '\u200D';

    private static bool IsNeutral(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsDigit(c);
}
