using HiTech.Web.Features.Certificates;
using SkiaSharp;

namespace HiTech.Web.Features.Maturity;

/// <summary>A piece of the PDF report, already in the reader's language; <see cref="MaturityPdf"/> lays the pieces out.</summary>
public abstract record PdfBlock;

public sealed record PdfTitle(string Text, string? Caption = null) : PdfBlock;

public sealed record PdfHeading(string Text) : PdfBlock;

public sealed record PdfSubheading(string Text) : PdfBlock;

public sealed record PdfParagraph(string Text, bool Small = false, bool Bold = false) : PdfBlock;

public sealed record PdfBullet(string Text, int Level = 1, bool Small = false) : PdfBlock;

/// <summary>A label and its value side by side (a row of a summary list).</summary>
public sealed record PdfRow(string Label, string Value) : PdfBlock;

/// <summary>A big figure: the overall score and its band.</summary>
public sealed record PdfScore(string Text, string Band) : PdfBlock;

public sealed record PdfRadar(RadarChart Chart, string You, string? Peers) : PdfBlock;

/// <summary>The report as a whole: metadata and the pieces in reading order.</summary>
public sealed record PdfReport(string Title, string Subject, string Language, DateTime Created, string Footer, IReadOnlyList<PdfBlock> Blocks);

/// <summary>
/// Draws the maturity report as an A4 PDF with SkiaSharp, with the certificate's fonts and HarfBuzz shaping
/// (<see cref="ShapedText"/>), so Malayalam is shaped correctly and its text can be searched and extracted. Pages
/// break between lines; the radar chart is drawn as vector paths from the same geometry as the page's SVG.
/// </summary>
public sealed class MaturityPdf(CertificateFonts fonts)
{
    private const float PageWidth = 595;
    private const float PageHeight = 842;
    private const float Margin = 50;
    private const float Bottom = PageHeight - 60;
    private const float Content = PageWidth - (2 * Margin);
    private static readonly SKColor Ink = new(0x0b, 0x0c, 0x0c);
    private static readonly SKColor Muted = new(0x50, 0x5a, 0x5f);
    private static readonly SKColor Green = new(0x0b, 0x5d, 0x3b);
    private static readonly SKColor Blue = new(0x1d, 0x70, 0xb8);
    private static readonly SKColor Orange = new(0xb3, 0x5c, 0x00);
    private static readonly SKColor Grey = new(0xb1, 0xb4, 0xb6);
    private static readonly SKColor Light = new(0xf3, 0xf2, 0xf1);

    public byte[] Render(PdfReport report)
    {
        using var output = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = report.Title,
            Subject = report.Subject,
            Creator = "Kerala Hi-Tech Manufacturing platform",
            Producer = "Kerala Hi-Tech Manufacturing platform",
            Creation = report.Created,
            Modified = report.Created,
        };
        using (var document = SKDocument.CreatePdf(output, metadata))
        using (var text = new ShapedText(fonts))
        {
            var writer = new Writer(document, text, report.Footer);
            foreach (var block in report.Blocks)
            {
                writer.Draw(block);
            }

            writer.Finish();
            document.Close();
        }

        return output.ToArray();
    }

    /// <summary>Keeps the position on the page and starts a new page when the next line does not fit.</summary>
    private sealed class Writer(SKDocument document, ShapedText text, string footer)
    {
        private SKCanvas? _canvas;
        private float _y;
        private int _page;

        public void Draw(PdfBlock block)
        {
            switch (block)
            {
                case PdfTitle title:
                    Lines(title.Text, 20, true, Green, 0, 6);
                    if (title.Caption is not null)
                    {
                        Lines(title.Caption, 10.5f, false, Muted, 0, 4);
                    }

                    Rule();
                    break;
                case PdfHeading heading:
                    Space(14);
                    Lines(heading.Text, 14.5f, true, Green, 0, 4, keepWith: 40);
                    break;
                case PdfSubheading sub:
                    Space(6);
                    Lines(sub.Text, 11.5f, true, Ink, 0, 2, keepWith: 24);
                    break;
                case PdfParagraph paragraph:
                    Lines(paragraph.Text, paragraph.Small ? 9 : 10.5f, paragraph.Bold, paragraph.Small ? Muted : Ink, 0, 5);
                    break;
                case PdfBullet bullet:
                    Lines(bullet.Text, bullet.Small ? 9 : 10.5f, false, bullet.Small ? Muted : Ink, 12f * bullet.Level, 3, marker: bullet.Level == 1 ? "•" : "–");
                    break;
                case PdfRow row:
                    RowLines(row);
                    break;
                case PdfScore score:
                    Ensure(60);
                    using (var fill = new SKPaint { Color = Green, Style = SKPaintStyle.Fill })
                    {
                        Canvas.DrawRect(Margin, _y, Content, 52, fill);
                    }

                    text.Draw(Canvas, score.Text, Margin + 14, _y + 24, 16, SKColors.White, bold: true);
                    text.Draw(Canvas, score.Band, Margin + 14, _y + 43, 12, SKColors.White);
                    _y += 62;
                    break;
                case PdfRadar radar:
                    Radar(radar);
                    break;
            }
        }

        public void Finish()
        {
            if (_canvas is not null)
            {
                EndPage();
            }
        }

        private SKCanvas Canvas => _canvas ?? NewPage();

        private SKCanvas NewPage()
        {
            if (_canvas is not null)
            {
                EndPage();
            }

            _canvas = document.BeginPage(PageWidth, PageHeight);
            _page++;
            _y = Margin;
            return _canvas;
        }

        private void EndPage()
        {
            var page = _page.ToString(System.Globalization.CultureInfo.InvariantCulture);
            text.Draw(_canvas!, footer, Margin, PageHeight - 30, 8, Muted);
            text.Draw(_canvas!, page, PageWidth - Margin, PageHeight - 30, 8, Muted, align: SKTextAlign.Right);
            document.EndPage();
            _canvas = null;
        }

        private void Ensure(float height)
        {
            if (_canvas is null || _y + height > Bottom)
            {
                NewPage();
            }
        }

        private void Space(float height)
        {
            if (_canvas is not null)
            {
                _y += height;
            }
        }

        private void Rule()
        {
            using var rule = new SKPaint { Color = Grey, StrokeWidth = 1, IsAntialias = true };
            Canvas.DrawLine(Margin, _y + 2, PageWidth - Margin, _y + 2, rule);
            _y += 10;
        }

        /// <summary>
        /// Wrapped lines, at least two kept together; <paramref name="keepWith"/> keeps a heading on the page of what
        /// follows it; <paramref name="marker"/> (a bullet) goes before the first line, on the same page.
        /// </summary>
        private void Lines(string content, float size, bool bold, SKColor color, float indent, float after, float keepWith = 0, string? marker = null)
        {
            var lineHeight = size * 1.55f;
            var lines = text.Wrap(content, size, bold, Content - indent);
            Ensure(Math.Min(lines.Count * lineHeight, lineHeight * 2) + keepWith);
            if (marker is not null)
            {
                text.Draw(Canvas, marker, Margin + indent - 9, _y + size, size, color);
            }

            foreach (var line in lines)
            {
                Ensure(lineHeight);
                text.Draw(Canvas, line, Margin + indent, _y + size, size, color, bold);
                _y += lineHeight;
            }

            _y += after;
        }

        private void RowLines(PdfRow row)
        {
            const float size = 10;
            const float lineHeight = size * 1.55f;
            const float labelWidth = 190;
            var labels = text.Wrap(row.Label, size, true, labelWidth - 10);
            var values = text.Wrap(row.Value, size, false, Content - labelWidth);
            var count = Math.Max(labels.Count, values.Count);
            Ensure(count * lineHeight);
            for (var i = 0; i < count; i++)
            {
                if (i < labels.Count)
                {
                    text.Draw(Canvas, labels[i], Margin, _y + size, size, Ink, bold: true);
                }

                if (i < values.Count)
                {
                    text.Draw(Canvas, values[i], Margin + labelWidth, _y + size, size, Ink);
                }

                _y += lineHeight;
            }

            using var rule = new SKPaint { Color = Light, StrokeWidth = 1 };
            Canvas.DrawLine(Margin, _y + 2, PageWidth - Margin, _y + 2, rule);
            _y += 6;
        }

        private void Radar(PdfRadar radar)
        {
            const float scale = (float)(Content / RadarChart.Width);
            var height = (float)(RadarChart.Height * scale);
            Ensure(height + 24);
            var canvas = Canvas;
            var top = _y;
            SKPoint P((double X, double Y) point) => new(Margin + (float)(point.X * scale), top + (float)(point.Y * scale));

            SKPath Polygon(IReadOnlyList<(double X, double Y)> points)
            {
                using var builder = new SKPathBuilder();
                builder.MoveTo(P(points[0]));
                foreach (var point in points.Skip(1))
                {
                    builder.LineTo(P(point));
                }

                builder.Close();
                return builder.Detach();
            }

            var chart = radar.Chart;
            using (var ringFill = new SKPaint { Color = Light, Style = SKPaintStyle.Fill, IsAntialias = true })
            using (var ringLine = new SKPaint { Color = Grey, Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f, IsAntialias = true })
            {
                using (var rim = Polygon(chart.Ring(100)))
                {
                    canvas.DrawPath(rim, ringFill);
                }

                foreach (var ring in RadarChart.Rings)
                {
                    using var path = Polygon(chart.Ring(ring));
                    canvas.DrawPath(path, ringLine);
                    var (x, y) = chart.At(0, ring);
                    text.Draw(canvas, ring.ToString(System.Globalization.CultureInfo.InvariantCulture), P((x + 4, y + 4)).X, P((x + 4, y + 4)).Y, 8, Muted);
                }

                foreach (var axis in chart.Axes)
                {
                    canvas.DrawLine(P((RadarChart.CentreX, RadarChart.CentreY)), P((axis.EndX, axis.EndY)), ringLine);
                }
            }

            if (chart.HasPeers)
            {
                using var dashes = SKPathEffect.CreateDash([7, 4], 0);
                using var peers = new SKPaint { Color = Orange, Style = SKPaintStyle.Stroke, StrokeWidth = 2, IsAntialias = true, PathEffect = dashes };
                using var path = Polygon(chart.Peers);
                canvas.DrawPath(path, peers);
            }

            using (var firm = Polygon(chart.Firm))
            using (var fill = new SKPaint { Color = Blue.WithAlpha(56), Style = SKPaintStyle.Fill, IsAntialias = true })
            using (var line = new SKPaint { Color = Blue, Style = SKPaintStyle.Stroke, StrokeWidth = 2.2f, IsAntialias = true })
            using (var dot = new SKPaint { Color = Blue, Style = SKPaintStyle.Fill, IsAntialias = true })
            {
                canvas.DrawPath(firm, fill);
                canvas.DrawPath(firm, line);
                foreach (var point in chart.Firm)
                {
                    canvas.DrawCircle(P(point), 3.2f, dot);
                }
            }

            foreach (var axis in chart.Axes)
            {
                var align = axis.Anchor switch { "start" => SKTextAlign.Left, "end" => SKTextAlign.Right, _ => SKTextAlign.Center };
                for (var i = 0; i < axis.Lines.Count; i++)
                {
                    var at = P((axis.LabelX, axis.LabelY + (i * RadarChart.LineHeight)));
                    text.Draw(canvas, axis.Lines[i], at.X, at.Y, (float)RadarChart.FontSize * scale, Ink, align: align);
                }
            }

            _y = top + height + 4;
            using (var you = new SKPaint { Color = Blue, StrokeWidth = 2.2f, IsAntialias = true })
            {
                canvas.DrawLine(Margin, _y + 6, Margin + 22, _y + 6, you);
            }

            var x0 = Margin + 28 + text.Draw(canvas, radar.You, Margin + 28, _y + 9, 9, Ink);
            if (radar.Peers is not null)
            {
                using var dashes = SKPathEffect.CreateDash([7, 4], 0);
                using var peers = new SKPaint { Color = Orange, StrokeWidth = 2, IsAntialias = true, PathEffect = dashes };
                canvas.DrawLine(x0 + 18, _y + 6, x0 + 40, _y + 6, peers);
                text.Draw(canvas, radar.Peers, x0 + 46, _y + 9, 9, Ink);
            }

            _y += 22;
        }
    }
}
