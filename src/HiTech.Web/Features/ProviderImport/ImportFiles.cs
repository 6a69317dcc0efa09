using System.Globalization;
using System.Text;
using HiTech.Core.Registry;
using HiTech.Web.Infrastructure.Storage;
using nietras.SeparatedValues;

namespace HiTech.Web.Features.ProviderImport;

/// <summary>
/// The files of provider imports, under Data:Directory/imports/ (outside the web root): the upload while it is read,
/// checked by content and size (an .xlsx is a zip; anything else must be UTF-8 text, without NUL bytes or a web
/// page's markers), and each import's rejects file, readable only by the officer who imported (kept 7 days).
/// </summary>
public sealed class ImportFiles(PlatformOptions options, TimeProvider clock)
{
    /// <summary>The form field and API part of the upload.</summary>
    public const string Field = "file";

    public static readonly string[] RejectColumns = ["line", "provider_id", "field", "reason"];

    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    public long MaxBytes => options.MaxUploadBytes;

    private string Folder => Path.Combine(options.DataDirectory, "imports");

    /// <summary>Copies the upload to a temporary file and checks it; the result deletes the file when disposed.</summary>
    public async Task<Upload> KeepAsync(Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"upload-{Guid.NewGuid():N}.tmp");
        var buffer = new byte[81920];
        long size = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, buffer.Length, FileOptions.Asynchronous))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > MaxBytes)
                {
                    // Read what is left so the answer reaches the browser, then refuse.
                    await content.CopyToAsync(Stream.Null, cancellationToken);
                    return new Upload(path, false, "too-large");
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        if (size == 0)
        {
            return new Upload(path, false, "empty");
        }

        var head = new byte[Math.Min(size, 4096)];
        await using (var file = File.OpenRead(path))
        {
            await file.ReadExactlyAsync(head, cancellationToken);
        }

        if (head.AsSpan().StartsWith(ExcelRegistry.ZipMagic))
        {
            return new Upload(path, true, null);
        }

        // A PDF, PNG or JPEG is a document, however plain its bytes look.
        if (EvidenceStore.Sniff(head, []) is not null || head.AsSpan().StartsWith("%PDF-"u8))
        {
            return new Upload(path, false, "not-a-table");
        }

        return await IsPlainTextAsync(path, cancellationToken) && !LooksLikeWebPage(head) ? new Upload(path, false, null) : new Upload(path, false, "not-a-table");
    }

    /// <summary>Writes the import's rejects as CSV (line, provider_id, field, reason), and drops rejects files older than a week.</summary>
    public async Task WriteRejectsAsync(Guid user, ImportSummary summary, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Folder, user.ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var old in Directory.EnumerateFiles(Folder, "*.csv", SearchOption.AllDirectories))
        {
            if (clock.GetUtcNow() - File.GetLastWriteTimeUtc(old) > KeptFor)
            {
                File.Delete(old);
            }
        }

        var text = new StringBuilder();
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(text))
        {
            if (summary.Rejects.Count == 0)
            {
                text.Append(string.Join(',', RejectColumns)).Append('\n');
            }

            foreach (var reject in summary.Rejects)
            {
                await using var row = writer.NewRow(cancellationToken);
                row[RejectColumns[0]].Set(reject.Line.ToString(CultureInfo.InvariantCulture));
                row[RejectColumns[1]].Set(SpreadsheetSafe(reject.Id));
                row[RejectColumns[2]].Set(reject.Field);
                row[RejectColumns[3]].Set(SpreadsheetSafe(reject.Reason));
            }
        }

        await File.WriteAllTextAsync(RejectsPath(user, summary.Id), text.ToString(), new UTF8Encoding(true), cancellationToken);
    }

    /// <summary>The rejects file of one of this user's imports, or null (another user's, or older than a week).</summary>
    public string? FindRejects(Guid user, Guid import)
    {
        var path = RejectsPath(user, import);
        return File.Exists(path) ? path : null;
    }

    private string RejectsPath(Guid user, Guid import) => Path.Combine(Folder, user.ToString("N"), $"rejects-{import:N}.csv");

    /// <summary>A cell a spreadsheet would take for a formula (=, +, -, @) is written as text.</summary>
    private static string SpreadsheetSafe(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;

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
    public sealed class Upload(string path, bool isExcel, string? refusal) : IAsyncDisposable
    {
        public bool IsExcel { get; } = isExcel;

        /// <summary>too-large, empty, not-a-table; null when the file may be read.</summary>
        public string? Refusal { get; } = refusal;

        /// <summary>The table in the file; a workbook or CSV that cannot be read is an <see cref="InvalidDataException"/>.</summary>
        public RegistryFile Open() => IsExcel
            ? new ExcelRegistry(path, "upload.xlsx")
            : new CsvRegistry(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), "upload.csv");

        public ValueTask DisposeAsync()
        {
            File.Delete(path);
            return ValueTask.CompletedTask;
        }
    }
}
