using System.Globalization;
using nietras.SeparatedValues;

namespace HiTech.Core.Registry;

/// <summary>
/// A registry CSV, handled on every core: a UTF-8 file that can seek is cut into chunks of whole rows that the
/// workers parse themselves (<see cref="ChunkedRowScan"/>); anything else (a pipe, UTF-16, old Mac line ends in the
/// header) has its rows copied off the reading thread (<see cref="ParallelRowScan"/>). Both give the same results.
/// A row that cannot be split into the header's columns (an empty line, a quote left open) is rejected with why.
/// </summary>
public sealed class CsvRegistry : RegistryFile
{
    /// <summary>Options for reading registry CSV: header required, column counts checked per row, quotes unescaped.</summary>
    public static SepReaderOptions Options => new(Sep.New(',')) { HasHeader = true, DisableColCountCheck = true, Unescape = true };

    private readonly Stream _stream;
    private readonly SepReader? _reader;
    private readonly int _chunkBytes;

    /// <summary>Reads the header of <paramref name="stream"/>, which it then owns; a file with no header row is an <see cref="InvalidDataException"/>.</summary>
    public CsvRegistry(Stream stream, string shownAs)
        : this(stream, shownAs, ChunkedRowScan.DefaultChunkBytes)
    {
    }

    /// <summary>With a chunk size of its own, so tests can cut a small file into many chunks.</summary>
    internal CsvRegistry(Stream stream, string shownAs, int chunkBytes)
        : base(shownAs)
    {
        _stream = stream;
        _chunkBytes = chunkBytes;
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

    /// <summary>True once <see cref="RegistryFile.Read"/> has cut the file into chunks for the workers to parse.</summary>
    internal bool Chunked { get; private set; }

    public override long Position => _stream.CanSeek ? _stream.Position : 0;

    protected override IEnumerable<(long Line, T Result)> Rows<T>(IRowHandler<T> handler)
    {
        if (_reader is null)
        {
            return [];
        }

        var columns = Header.Count;
        if (HeaderBytes() is { } header)
        {
            _stream.Position = header.Length;
            Chunked = true;
            return ChunkedRowScan.Run(
                _stream,
                header,
                ChunkedRowScan.LinesIn(header) + 1,
                (row, line) => Unreadable(row, columns, line - row.LineNumberFrom) is { } why ? handler.Reject(line, why) : Handle(handler, new SepCells(row), line),
                _chunkBytes);
        }

        return ParallelRowScan.Run(
            _reader,
            row => (row.LineNumberFrom, Unreadable(row, columns, 0)),
            (cells, line, unreadable) => unreadable is null ? Handle(handler, cells, line) : handler.Reject(line, unreadable));
    }

    protected override void Dispose(bool disposing)
    {
        _reader?.Dispose();
        _stream.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>
    /// The header row as bytes (byte-order mark and line end included) when the file can be cut into chunks: it
    /// seeks, is not UTF-16 or UTF-32, and its header ends with a line feed and holds no other line end. Otherwise null.
    /// </summary>
    private byte[]? HeaderBytes()
    {
        if (!_stream.CanSeek)
        {
            return null;
        }

        var start = new byte[Math.Min(_stream.Length, 1 << 16)];
        int read;
        try
        {
            _stream.Position = 0;
            read = _stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        }
        catch (IOException)
        {
            return null; // the plain path reads the file again and reports where it fails
        }

        var head = start.AsSpan(0, read);
        if (head.Length >= 2 && (head[0], head[1]) is (0xFF, 0xFE) or (0xFE, 0xFF) or (0, 0))
        {
            return null;
        }

        var end = ChunkedRowScan.FirstRowEnd(head);
        if (end < 0 || head[..end].IndexOf((byte)'\r') is var cr && cr >= 0 && cr != end - 2)
        {
            // A header longer than 64 KB, one ending in a lone carriage return, or one spanning lines: the plain path.
            return null;
        }

        return head[..end].ToArray();
    }

    /// <summary>
    /// Why a row cannot even be split into the header's columns, or null; read before any column (Sep unescapes in
    /// place). <paramref name="lineOffset"/> turns Sep's line numbers into the file's.
    /// </summary>
    private static string? Unreadable(SepReader.Row row, int columns, long lineOffset)
    {
        if (row.ColCount == columns)
        {
            return null;
        }

        if (row.ColCount == 1 && row[0].Span.Trim().IsEmpty)
        {
            return "the line is empty";
        }

        var line = row.LineNumberFrom + lineOffset;
        if (row.LineNumberToExcl - row.LineNumberFrom > 1 && row.Span.Contains('"'))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"a quoted field is not closed as expected, so lines {line}-{row.LineNumberToExcl + lineOffset - 1} were read as one row of {row.ColCount} fields; the header has {columns} (check the quotes)");
        }

        return null;
    }
}
