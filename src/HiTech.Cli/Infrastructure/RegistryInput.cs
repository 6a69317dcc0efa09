using System.Globalization;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace HiTech.Cli.Infrastructure;

/// <summary>
/// An open registry file, CSV or Excel (told apart by content: an .xlsx is a zip, "PK\x03\x04"), with its
/// header read. <see cref="Score"/> turns every data row into exactly one <see cref="ScoredRow"/>, scored or
/// rejected, in file order: malformed rows (wrong field count, unclosed quotes, empty lines) are rejected with
/// a reason, and a read failure part-way rejects the rest and sets <see cref="Aborted"/>.
/// </summary>
public sealed class RegistryInput : IDisposable
{
    private static readonly byte[] ZipMagic = [(byte)'P', (byte)'K', 3, 4];

    private readonly string _path;
    private FileStream? _stream;
    private SepReader? _reader;
    private string? _headerProblem;

    private RegistryInput(string path, string shownAs, long length)
    {
        _path = path;
        ShownAs = shownAs;
        Length = length;
    }

    /// <summary>The file as the user named it, for messages.</summary>
    public string ShownAs { get; }

    public bool IsExcel { get; private set; }

    public long Length { get; }

    public IReadOnlyList<string> Header { get; private set; } = [];

    /// <summary>Bytes consumed so far (CSV); for progress only.</summary>
    public long Position => _stream?.Position ?? 0;

    /// <summary>Set when the file could not be read to its end: the message says where and why.</summary>
    public string? Aborted { get; private set; }

    public static RegistryInput Open(CliContext context, string value)
    {
        var path = context.Resolve(value);
        if (Directory.Exists(path))
        {
            throw new CliException($"{value}: is a folder, not a registry file");
        }

        if (!File.Exists(path))
        {
            throw new CliException($"{value}: no such file");
        }

        long length;
        byte[] magic = new byte[4];
        int read;
        try
        {
            using var probe = File.OpenRead(path);
            length = probe.Length;
            read = probe.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{value}: cannot be read: {e.Message}");
        }

        if (length == 0)
        {
            throw new CliException($"{value}: the file is empty (no header row)");
        }

        var input = new RegistryInput(path, value, length);
        try
        {
            if (read == 4 && magic.AsSpan().SequenceEqual(ZipMagic))
            {
                input.OpenExcel();
            }
            else
            {
                input.OpenCsv();
            }
        }
        catch
        {
            input.Dispose();
            throw;
        }

        return input;
    }

    /// <summary>Prepares the scan for this header under the given frameworks; header problems are a <see cref="CliException"/>.</summary>
    public RegistryScan Prepare(ActivityClassifier classifier, params HiTech.Core.Frameworks.CompiledFramework[] frameworks)
    {
        var (scan, errors) = RegistryScan.Prepare(Header, classifier, frameworks);
        if (scan is null)
        {
            throw new CliException([$"{ShownAs}: line 1 (header): the file cannot be scored:", .. errors.Select(e => "  " + e)]);
        }

        if (_headerProblem is not null)
        {
            scan.Dispose();
            throw new CliException($"{ShownAs}: line 1 (header): {_headerProblem}");
        }

        return scan;
    }

    /// <summary>Every data row, scored or rejected, in file order. CSV rows are scored on every core.</summary>
    public IEnumerable<ScoredRow> Score(RegistryScan scan) => Guarded(IsExcel ? ScoreExcel(scan) : ScoreCsv(scan), r => r.Line, (line, reason) => Reject(line, "", "", reason));

    /// <summary>
    /// Every data row as a finished results or rejects line, in file order. For CSV, parsing, scoring and formatting
    /// all happen on the worker threads, so the calling thread only writes.
    /// </summary>
    public IEnumerable<ResultLine> ScoreLines(RegistryScan scan, ResultFormat format) => Guarded(
        IsExcel ? ScoreExcel(scan).Select(row => ToLine(row, format)) : ScoreCsvLines(scan, format),
        l => l.Line,
        (line, reason) => new ResultLine(line, ResultFormat.Rejected(line, "", "", reason), Rejected: true));

    private static ResultLine ToLine(ScoredRow row, ResultFormat format) => row.Issue is { } issue
        ? new ResultLine(row.Line, ResultFormat.Rejected(row.Line, row.EnterpriseId, issue.Field, issue.Reason), Rejected: true)
        : new ResultLine(row.Line, format.Scored(row.EnterpriseId, row.Scores[0], row.PrimaryOecd, row.HvaActivities), Rejected: false);

    public void Dispose()
    {
        _reader?.Dispose();
        _stream?.Dispose();
    }

    private void OpenCsv()
    {
        _stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            _reader = RegistryScan.CsvOptions.From(_stream);
        }
        catch (ArgumentException e)
        {
            // Sep refuses a header with a repeated column name; read the header as a plain row so the layout can name it.
            _stream.Dispose();
            _stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var plain = (RegistryScan.CsvOptions with { HasHeader = false }).From(_stream);
            var header = new List<string>();
            if (plain.MoveNext())
            {
                var row = plain.Current;
                for (var i = 0; i < row.ColCount; i++)
                {
                    header.Add(row[i].ToString());
                }
            }

            Header = header;
            _headerProblem = e.Message;
            return;
        }

        if (_reader.Header.IsEmpty)
        {
            throw new CliException($"{ShownAs}: the file is empty (no header row)");
        }

        Header = [.. _reader.Header.ColNames];
    }

    private void OpenExcel()
    {
        IsExcel = true;
        using var rows = ExcelRows().GetEnumerator();
        try
        {
            if (!rows.MoveNext())
            {
                throw new CliException($"{ShownAs}: the first sheet is empty (no header row)");
            }
        }
        catch (Exception e) when (e is not CliException)
        {
            throw new CliException($"{ShownAs}: not a readable Excel workbook (.xlsx): {e.Message}");
        }

        var header = rows.Current.Cells.ToList();
        while (header.Count > 0 && header[^1].Length == 0)
        {
            header.RemoveAt(header.Count - 1);
        }

        if (header.Count == 0)
        {
            throw new CliException($"{ShownAs}: the first sheet is empty (no header row)");
        }

        Header = header;
    }

    private IEnumerable<ScoredRow> ScoreCsv(RegistryScan scan)
    {
        if (_reader is null)
        {
            yield break;
        }

        var columns = Header.Count;
        foreach (var row in _reader.ParallelEnumerate(row => ScoreCsvRow(scan, row, columns)))
        {
            yield return row;
        }
    }

    private static ScoredRow ScoreCsvRow(RegistryScan scan, SepReader.Row row, int columns)
    {
        var line = RegistryScan.LineOf(row);
        try
        {
            return UnreadableRow(row, line, columns) is { } reason ? Reject(line, "", "", reason) : scan.Score(new SepCells(row), line);
        }
        catch (Exception e)
        {
            return Reject(line, "", "", "the row could not be read: " + e.Message);
        }
    }

    private IEnumerable<ResultLine> ScoreCsvLines(RegistryScan scan, ResultFormat format)
    {
        if (_reader is null)
        {
            yield break;
        }

        var columns = Header.Count;
        foreach (var line in ParallelRowScan.Run(_reader, row => Inspect(row, columns), (cells, line, unreadable) => ScoreCsvLine(scan, format, cells, line, unreadable)))
        {
            yield return line;
        }
    }

    /// <summary>A row's first line and why it cannot be split into the header's columns; on the reading thread, before any column is read.</summary>
    private static (long Line, string? Unreadable) Inspect(SepReader.Row row, int columns)
    {
        var line = RegistryScan.LineOf(row);
        return (line, UnreadableRow(row, line, columns));
    }

    private static ResultLine ScoreCsvLine(RegistryScan scan, ResultFormat format, ParallelRowScan.BatchCells cells, long line, string? unreadable)
    {
        try
        {
            return unreadable is not null
                ? new ResultLine(line, ResultFormat.Rejected(line, "", "", unreadable), Rejected: true)
                : scan.ScoreLine(cells, line, format);
        }
        catch (Exception e)
        {
            return new ResultLine(line, ResultFormat.Rejected(line, "", "", "the row could not be read: " + e.Message), Rejected: true);
        }
    }

    /// <summary>Why a row cannot even be split into the header's columns (an empty line, a quote left open), or null.</summary>
    private static string? UnreadableRow(SepReader.Row row, long line, int columns)
    {
        if (row.ColCount == columns)
        {
            return null;
        }

        if (row.ColCount == 1 && row[0].Span.Trim().IsEmpty)
        {
            return "the line is empty";
        }

        if (row.LineNumberToExcl - line > 1 && row.Span.Contains('"'))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"a quoted field is not closed as expected, so lines {line}-{row.LineNumberToExcl - 1} were read as one row of {row.ColCount} fields; the header has {columns} (check the quotes)");
        }

        return null;
    }

    private IEnumerable<ScoredRow> ScoreExcel(RegistryScan scan)
    {
        var first = true;
        foreach (var (line, cells) in ExcelRows())
        {
            if (first)
            {
                first = false;
                continue;
            }

            if (Array.TrueForAll(cells, c => c.Length == 0))
            {
                yield return Reject(line, "", "", "the row is empty");
                continue;
            }

            // Cells past the header are dropped when empty (a sheet's used range is often wider than its data).
            var width = cells.Length;
            while (width > Header.Count && cells[width - 1].Length == 0)
            {
                width--;
            }

            var fitted = cells;
            if (width != cells.Length || cells.Length < Header.Count)
            {
                fitted = new string[Math.Max(width, Header.Count)];
                Array.Fill(fitted, "");
                Array.Copy(cells, fitted, Math.Min(width, cells.Length));
            }

            ScoredRow scored;
            try
            {
                scored = scan.Score(new ArrayCells(fitted), line);
            }
            catch (Exception e)
            {
                scored = Reject(line, "", "", "the row could not be read: " + e.Message);
            }

            yield return scored;
        }
    }

    /// <summary>The first sheet's rows as invariant text, numbered as the sheet numbers them (header = 1).</summary>
    private IEnumerable<(long Line, string[] Cells)> ExcelRows()
    {
        long line = 0;
        foreach (var row in MiniExcel.Query(_path, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            line++;
            var cells = (IDictionary<string, object?>)row;
            var texts = new string[cells.Count];
            var i = 0;
            foreach (var value in cells.Values)
            {
                texts[i++] = ExcelText(value);
            }

            yield return (line, texts);
        }
    }

    /// <summary>A cell as the text a CSV would hold: numbers round-trip, booleans true/false, dates yyyy-MM-dd.</summary>
    public static string ExcelText(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Passes rows through; if reading itself fails part-way, says where it stopped and rejects the rest as one line.</summary>
    private IEnumerable<T> Guarded<T>(IEnumerable<T> rows, Func<T, long> lineOf, Func<long, string, T> reject)
    {
        using var enumerator = rows.GetEnumerator();
        long lastLine = 1;
        while (true)
        {
            var next = default(T);
            var any = false;
            Exception? failure = null;
            try
            {
                if (enumerator.MoveNext())
                {
                    next = enumerator.Current;
                    any = true;
                }
            }
            catch (Exception e)
            {
                failure = e;
            }

            if (failure is not null)
            {
                Aborted = string.Create(CultureInfo.InvariantCulture, $"{ShownAs}: reading stopped after line {lastLine}: {failure.Message}");
                yield return reject(lastLine + 1, "the file could not be read from here on: " + failure.Message);
                yield break;
            }

            if (!any)
            {
                yield break;
            }

            lastLine = lineOf(next!);
            yield return next!;
        }
    }

    private static ScoredRow Reject(long line, string id, string field, string reason) =>
        new(line, id, null, 0, null, "", [], new RowIssue(field, reason));
}
