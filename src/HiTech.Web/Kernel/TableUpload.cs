using System.Security.Cryptography;
using System.Text;
using HiTech.Core.Registry;
using HiTech.Web.Infrastructure.Storage;

namespace HiTech.Web.Kernel;

/// <summary>
/// An uploaded table (CSV or Excel) kept on disk outside the web root while it is read, checked by content and size,
/// never by name: an .xlsx is a zip; anything else must be UTF-8 text, without NUL bytes or a web page's markers, and
/// a PDF or an image is refused however plain its bytes look. Shared by the provider import and the what-if registry.
/// </summary>
public static class TableUpload
{
    /// <summary>Copies <paramref name="content"/> into <paramref name="folder"/> and checks it; the result deletes the file when disposed unless kept.</summary>
    public static async Task<Kept> KeepAsync(Stream content, string folder, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"upload-{Guid.NewGuid():N}.tmp");
        var buffer = new byte[81920];
        long size = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, buffer.Length, FileOptions.Asynchronous))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    // Read what is left so the answer reaches the browser, then refuse.
                    await content.CopyToAsync(Stream.Null, cancellationToken);
                    return new Kept(path, false, "too-large");
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        if (size == 0)
        {
            return new Kept(path, false, "empty");
        }

        var head = new byte[Math.Min(size, 4096)];
        await using (var file = File.OpenRead(path))
        {
            await file.ReadExactlyAsync(head, cancellationToken);
        }

        if (head.AsSpan().StartsWith(ExcelRegistry.ZipMagic))
        {
            return new Kept(path, true, null);
        }

        // A PDF, PNG or JPEG is a document, however plain its bytes look.
        if (EvidenceStore.Sniff(head, []) is not null || head.AsSpan().StartsWith("%PDF-"u8))
        {
            return new Kept(path, false, "not-a-table");
        }

        return await IsPlainTextAsync(path, cancellationToken) && !LooksLikeWebPage(head) ? new Kept(path, false, null) : new Kept(path, false, "not-a-table");
    }

    /// <summary>Opens a table file kept earlier (an .xlsx is told apart by content); a file that cannot be read is an <see cref="InvalidDataException"/>.</summary>
    public static RegistryFile Open(string path, bool isExcel, string shownAs) => isExcel
        ? new ExcelRegistry(path, shownAs)
        : new CsvRegistry(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), shownAs);

    /// <summary>Whether a kept file is a workbook: its first bytes are a zip's.</summary>
    public static bool IsExcel(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual(ExcelRegistry.ZipMagic);
    }

    private static async Task<bool> IsPlainTextAsync(string path, CancellationToken cancellationToken)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            using var reader = new StreamReader(path, strict, detectEncodingFromByteOrderMarks: false);
            var chars = new char[81920];
            int read;
            while ((read = await reader.ReadAsync(chars, cancellationToken)) > 0)
            {
                if (chars.AsSpan(0, read).Contains('\0'))
                {
                    return false;
                }
            }

            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool LooksLikeWebPage(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head);
        return text.Contains("<html", StringComparison.OrdinalIgnoreCase) || text.Contains("<!doctype", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<script", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An upload kept on disk while it is read; <see cref="Refusal"/> says why it is not a table.</summary>
    public sealed class Kept(string path, bool isExcel, string? refusal) : IAsyncDisposable
    {
        private bool _moved;

        public bool IsExcel { get; } = isExcel;

        /// <summary>too-large, empty, not-a-table; null when the file may be read.</summary>
        public string? Refusal { get; } = refusal;

        /// <summary>The table in the file; a workbook or CSV that cannot be read is an <see cref="InvalidDataException"/>.</summary>
        public RegistryFile Open(string shownAs = "upload") => TableUpload.Open(path, IsExcel, IsExcel ? shownAs + ".xlsx" : shownAs + ".csv");

        /// <summary>The SHA-256 of the file's bytes, in lower-case hex: the same content always gives the same name.</summary>
        public async Task<string> ContentHashAsync(CancellationToken cancellationToken)
        {
            await using var file = File.OpenRead(path);
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        }

        /// <summary>Keeps the file for good at <paramref name="destination"/>: it is no longer deleted on disposal.</summary>
        public void MoveTo(string destination)
        {
            File.Move(path, destination);
            _moved = true;
        }

        public ValueTask DisposeAsync()
        {
            if (!_moved)
            {
                File.Delete(path);
            }

            return ValueTask.CompletedTask;
        }
    }
}
