using System.Globalization;
using nietras.SeparatedValues;

namespace HiTech.Core.Registry;

/// <summary>
/// A registry CSV: rows are copied off the reading thread and handled on every core (<see cref="ParallelRowScan"/>).
/// A row that cannot be split into the header's columns (an empty line, a quote left open) is rejected with why.
/// </summary>
public sealed class CsvRegistry : RegistryFile
{
    /// <summary>Options for reading registry CSV: header required, column counts checked per row, quotes unescaped.</summary>
    public static SepReaderOptions Options => new(Sep.New(',')) { HasHeader = true, DisableColCountCheck = true, Unescape = true };

    private readonly Stream _stream;
    private readonly SepReader? _reader;

    /// <summary>Reads the header of <paramref name="stream"/>, which it then owns; a file with no header row is an <see cref="InvalidDataException"/>.</summary>
    public CsvRegistry(Stream stream, string shownAs)
        : base(shownAs)
    {
        _stream = stream;
        try
        {
            _reader = Options.From(stream, leaveOpen: true);
        }
        catch (ArgumentException e) when (stream.CanSeek)
        {
            // Sep refuses a header with a repeated column name; read the header as a plain row so the layout can name it.
            stream.Position = 0;
            using var plain = (Options with { HasHeader = false }).From(stream, leaveOpen: true);
            Header = plain.MoveNext() ? [.. Enumerable.Range(0, plain.Current.ColCount).Select(i => plain.Current[i].ToString())] : [];
            HeaderProblem = e.Message;
            return;
        }

        if (_reader.Header.IsEmpty)
        {
            Dispose();
            throw new InvalidDataException($"{shownAs}: the file is empty (no header row)");
        }

        Header = [.. _reader.Header.ColNames];
    }

    public override long Length => _stream.CanSeek ? _stream.Length : 0;

    public override long Position => _stream.CanSeek ? _stream.Position : 0;

    protected override IEnumerable<(long Line, T Result)> Rows<T>(IRowHandler<T> handler)
    {
        if (_reader is null)
        {
            return [];
        }

        var columns = Header.Count;
        return ParallelRowScan.Run(
            _reader,
            row => (row.LineNumberFrom, Unreadable(row, columns)),
            (cells, line, unreadable) => unreadable is null ? Handle(handler, cells, line) : handler.Reject(line, unreadable));
    }

    protected override void Dispose(bool disposing)
    {
        _reader?.Dispose();
        _stream.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Why a row cannot even be split into the header's columns, or null; read before any column (Sep unescapes in place).</summary>
    private static string? Unreadable(SepReader.Row row, int columns)
    {
        if (row.ColCount == columns)
        {
            return null;
        }

        if (row.ColCount == 1 && row[0].Span.Trim().IsEmpty)
        {
            return "the line is empty";
        }

        var line = row.LineNumberFrom;
        if (row.LineNumberToExcl - line > 1 && row.Span.Contains('"'))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"a quoted field is not closed as expected, so lines {line}-{row.LineNumberToExcl - 1} were read as one row of {row.ColCount} fields; the header has {columns} (check the quotes)");
        }

        return null;
    }
}
