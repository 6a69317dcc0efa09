using System.Diagnostics;
using System.Text;

namespace HiTech.Web.Tests.Maturity;

/// <summary>The text of a PDF, by poppler's pdftotext (the text a reader's search or copy would get).</summary>
internal static class PdfText
{
    /// <summary>Why the text cannot be read here (pdftotext missing), or null.</summary>
    public static string? Missing =>
        Environment.GetEnvironmentVariable("PATH")?.Split(':').Any(dir => File.Exists(Path.Combine(dir, "pdftotext"))) == true
            ? null
            : "poppler-utils (pdftotext) is not installed; `apt-get install poppler-utils` to check the PDF's text.";

    public static string Extract(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"maturity-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
            foreach (var argument in new[] { "-enc", "UTF-8", file, "-" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
