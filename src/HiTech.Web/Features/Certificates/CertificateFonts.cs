using SkiaSharp;

namespace HiTech.Web.Features.Certificates;

/// <summary>
/// The typefaces certificates are drawn with, read once from wwwroot/fonts (Noto Sans and Noto Sans Malayalam,
/// SIL OFL), never from the system or the internet, so every node renders the same PDF.
/// </summary>
public sealed class CertificateFonts : IDisposable
{
    public CertificateFonts(IWebHostEnvironment environment)
    {
        var root = environment.WebRootPath is { Length: > 0 } web && Directory.Exists(Path.Combine(web, "fonts"))
            ? Path.Combine(web, "fonts")
            : Path.Combine(AppContext.BaseDirectory, "wwwroot", "fonts");
        Latin = Load(root, "NotoSans-Regular.ttf");
        LatinBold = Load(root, "NotoSans-Bold.ttf");
        Malayalam = Load(root, "NotoSansMalayalam-Regular.ttf");
        MalayalamBold = Load(root, "NotoSansMalayalam-Bold.ttf");
    }

    public SKTypeface Latin { get; }

    public SKTypeface LatinBold { get; }

    public SKTypeface Malayalam { get; }

    public SKTypeface MalayalamBold { get; }

    public void Dispose()
    {
        Latin.Dispose();
        LatinBold.Dispose();
        Malayalam.Dispose();
        MalayalamBold.Dispose();
    }

    private static SKTypeface Load(string root, string file)
    {
        var path = Path.Combine(root, file);
        return File.Exists(path)
            ? SKTypeface.FromFile(path) ?? throw new InvalidOperationException($"The font {path} could not be read.")
            : throw new FileNotFoundException($"The certificate font {file} is missing from wwwroot/fonts.", path);
    }
}
