using System.Buffers.Text;
using System.Text;
using QRCoder;
using SkiaSharp;

namespace HiTech.Web.Features.Certificates;

/// <summary>What one certificate page shows, in both languages.</summary>
/// <param name="Payload">The signed payload.</param>
/// <param name="Signature">Its signature, base64url.</param>
/// <param name="DistrictMl">The district's Malayalam name.</param>
/// <param name="VerifyUrl">The public page that checks it; the QR code links there.</param>
/// <param name="Ml">Malayalam for an English label (the certificate strings' resources).</param>
public sealed record CertificateSheet(CertificatePayload Payload, string Signature, string DistrictMl, string VerifyUrl, Func<string, string> Ml)
{
    /// <summary>The short code printed beside the QR code, that /verify/{id} shows too.</summary>
    public string? CheckCode => CertificateCheckCode.Of(Signature);

    /// <summary>The payload and signature as one string, kept in the PDF's keywords so the document itself can be checked.</summary>
    public string Token => Embedded(Payload.ToJson(), Signature);

    public static string Embedded(string payload, string signature) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + "." + signature;

    /// <summary>Splits an embedded token back into payload and signature; null when it is not one.</summary>
    public static (string Payload, string Signature)? FromEmbedded(string? token)
    {
        var text = token?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 12000)
        {
            return null;
        }

        if (text.StartsWith(CertificatePdf.KeywordPrefix, StringComparison.Ordinal))
        {
            text = text[CertificatePdf.KeywordPrefix.Length..];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == text.Length - 1)
        {
            return null;
        }

        try
        {
            return (Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text.AsSpan(0, dot))), text[(dot + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>
/// Draws a certificate as a one-page A4 landscape PDF with SkiaSharp: English and Malayalam lines for the
/// title, the tier and each field, HarfBuzz-shaped, fonts embedded, and a QR code to the verification page.
/// </summary>
public sealed class CertificatePdf(CertificateFonts fonts)
{
    /// <summary>Starts the PDF keywords entry that carries the signed payload.</summary>
    public const string KeywordPrefix = "hitech-certificate:";

    private const float Width = 842;
    private const float Height = 595;
    private static readonly SKColor Ink = new(0x1d, 0x2b, 0x3a);
    private static readonly SKColor Muted = new(0x50, 0x5a, 0x5f);
    private static readonly SKColor Navy = new(0x0b, 0x3d, 0x5c);
    private static readonly SKColor Gold = new(0xa8, 0x7f, 0x1e);
    private static readonly SKColor Paper = new(0xfd, 0xfb, 0xf5);

    public byte[] Render(CertificateSheet sheet)
    {
        var p = sheet.Payload;
        using var output = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"Kerala Hi-Tech Manufacturing certificate {p.Id}",
            Subject = $"{p.Organisation}: {p.TierTitle.En}, FY {p.FinancialYear}",
            Keywords = KeywordPrefix + sheet.Token,
            Creator = "Kerala Hi-Tech Manufacturing platform",
            Producer = "Kerala Hi-Tech Manufacturing platform",
            Creation = p.Issued.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Modified = p.Issued.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        };
        using (var document = SKDocument.CreatePdf(output, metadata))
        using (var text = new ShapedText(fonts))
        {
            var canvas = document.BeginPage(Width, Height);
            DrawPage(canvas, text, sheet);
            document.EndPage();
            document.Close();
        }

        return output.ToArray();
    }

    private static void DrawPage(SKCanvas canvas, ShapedText text, CertificateSheet sheet)
    {
        var p = sheet.Payload;
        var ml = sheet.Ml;
        using (var paper = new SKPaint { Color = Paper, Style = SKPaintStyle.Fill })
        {
            canvas.DrawRect(0, 0, Width, Height, paper);
        }

        using (var frame = new SKPaint { Color = Navy, Style = SKPaintStyle.Stroke, StrokeWidth = 3, IsAntialias = true })
        {
            canvas.DrawRect(18, 18, Width - 36, Height - 36, frame);
        }

        using (var inner = new SKPaint { Color = Gold, Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = true })
        {
            canvas.DrawRect(26, 26, Width - 52, Height - 52, inner);
        }

        const float centre = Width / 2;
        text.Draw(canvas, "Kerala Hi-Tech Manufacturing Framework", centre, 62, 12, Muted, align: SKTextAlign.Center);
        text.Draw(canvas, ml("Kerala Hi-Tech Manufacturing Framework"), centre, 80, 11, Muted, align: SKTextAlign.Center);
        text.Draw(canvas, "Certificate of Hi-Tech Classification", centre, 116, 26, Navy, bold: true, align: SKTextAlign.Center);
        text.Draw(canvas, ml("Certificate of Hi-Tech Classification"), centre, 144, 19, Navy, bold: true, align: SKTextAlign.Center);

        using (var rule = new SKPaint { Color = Gold, StrokeWidth = 1.2f, IsAntialias = true })
        {
            canvas.DrawLine(centre - 150, 160, centre + 150, 160, rule);
        }

        text.Draw(canvas, "This certifies that", centre, 186, 12, Muted, align: SKTextAlign.Center);
        text.Draw(canvas, ml("This certifies that"), centre, 202, 11, Muted, align: SKTextAlign.Center);
        var nameSize = 22f;
        while (nameSize > 12 && text.Measure(p.Organisation, nameSize, bold: true) > Width - 140)
        {
            nameSize -= 1;
        }

        text.Draw(canvas, p.Organisation, centre, 232, nameSize, Ink, bold: true, align: SKTextAlign.Center);
        text.Draw(canvas, $"Udyam {p.Udyam} · {p.District} district", centre, 252, 11.5f, Ink, align: SKTextAlign.Center);
        text.Draw(canvas, ml("{0} district").Replace("{0}", sheet.DistrictMl, StringComparison.Ordinal), centre, 268, 11, Ink, align: SKTextAlign.Center);
        text.Draw(canvas, "is classified under the framework as", centre, 292, 12, Muted, align: SKTextAlign.Center);
        text.Draw(canvas, ml("is classified under the framework as"), centre, 308, 11, Muted, align: SKTextAlign.Center);
        text.Draw(canvas, p.TierTitle.En, centre, 344, 30, Gold, bold: true, align: SKTextAlign.Center);
        if (!string.IsNullOrEmpty(p.TierTitle.Ml))
        {
            text.Draw(canvas, p.TierTitle.Ml, centre, 374, 22, Gold, bold: true, align: SKTextAlign.Center);
        }

        // The key fields in two columns: English label over Malayalam label, the value beside them.
        var fields = new (string Label, string Value, float X, int Row)[]
        {
            ("Hi-Tech index", $"{p.Index.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} / 100", 64, 0),
            ("Financial year", p.FinancialYear, 64, 1),
            ("Framework version", $"{p.FrameworkId} {p.FrameworkVersion}", 64, 2),
            ("Issued on", Fmt.Date(p.Issued), 326, 0),
            ("Certificate ID", p.Id, 326, 1),
            ("Check code", sheet.CheckCode ?? "", 326, 2),
        };
        foreach (var (label, value, x, row) in fields)
        {
            var y = 412f + (row * 36);
            text.Draw(canvas, label, x, y, 10, Muted);
            text.Draw(canvas, ml(label), x, y + 13, 9, Muted);
            text.Draw(canvas, value, x + 106, y + 7, label == "Certificate ID" ? 10f : 12, Ink, bold: true);
        }

        // The QR code to the public check, bottom right.
        const float qrSize = 118;
        const float qrX = Width - 90 - qrSize;
        const float qrY = 392;
        DrawQr(canvas, sheet.VerifyUrl, qrX, qrY, qrSize);
        text.Draw(canvas, "Scan to check this certificate", qrX + (qrSize / 2), qrY + qrSize + 12, 9, Muted, align: SKTextAlign.Center);
        text.Draw(canvas, ml("Scan to check this certificate"), qrX + (qrSize / 2), qrY + qrSize + 25, 8.5f, Muted, align: SKTextAlign.Center);

        var footer = $"Digitally signed (Ed25519, key {p.KeyId}). Check that it is genuine and not revoked at {sheet.VerifyUrl}";
        var footerSize = 8f;
        while (footerSize > 5.5f && text.Measure(footer, footerSize, bold: false) > Width - 120)
        {
            footerSize -= 0.25f;
        }

        text.Draw(canvas, footer, centre, Height - 46, footerSize, Muted, align: SKTextAlign.Center);
        text.Draw(canvas, ml("Digitally signed. Scan the QR code or visit the address above to check that it is genuine and not revoked."), centre, Height - 34, 8, Muted, align: SKTextAlign.Center);
    }

    /// <summary>Draws the QR code's modules as filled squares (QRCoder makes the matrix, with its quiet zone).</summary>
    private static void DrawQr(SKCanvas canvas, string url, float x, float y, float size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        using (var white = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill })
        {
            canvas.DrawRect(x, y, size, size, white);
        }

        using var dark = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill, IsAntialias = false };
        for (var row = 0; row < matrix.Count; row++)
        {
            var bits = matrix[row];
            var col = 0;
            while (col < bits.Length)
            {
                if (!bits[col])
                {
                    col++;
                    continue;
                }

                // One rectangle per horizontal run of dark modules keeps the PDF small.
                var start = col;
                while (col < bits.Length && bits[col])
                {
                    col++;
                }

                canvas.DrawRect(x + (start * module), y + (row * module), (col - start) * module, module, dark);
            }
        }
    }
}
