using System.Globalization;
using System.Text;
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

    /// <summary>Copies the upload to a temporary file and checks it by content (<see cref="TableUpload"/>); the result deletes the file when disposed.</summary>
    public Task<TableUpload.Kept> KeepAsync(Stream content, CancellationToken cancellationToken) =>
        TableUpload.KeepAsync(content, Folder, MaxBytes, cancellationToken);

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
}
