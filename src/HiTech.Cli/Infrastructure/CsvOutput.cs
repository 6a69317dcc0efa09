using System.Buffers;
using System.Text;

namespace HiTech.Cli.Infrastructure;

/// <summary>
/// A fast CSV writer for the files hitech produces: UTF-8 without BOM, LF line ends, RFC 4180 quoting only
/// where a field needs it. Buffered; the caller disposes it to flush.
/// </summary>
public sealed class CsvOutput : IDisposable
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");
    private readonly StreamWriter _writer;
    private bool _lineStarted;

    private CsvOutput(StreamWriter writer)
    {
        _writer = writer;
    }

    public static UTF8Encoding Utf8NoBom { get; } = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates (or replaces) the file; a path that cannot be written is a <see cref="CliException"/>.</summary>
    public static CsvOutput Create(string path, string shownAs)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            return new CsvOutput(new StreamWriter(stream, Utf8NoBom, 1 << 16) { NewLine = "\n", AutoFlush = false });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CliException($"{shownAs}: cannot be written: {e.Message}");
        }
    }

    public void Field(ReadOnlySpan<char> value)
    {
        if (_lineStarted)
        {
            _writer.Write(',');
        }

        _lineStarted = true;
        if (value.IndexOfAny(NeedsQuotes) < 0)
        {
            _writer.Write(value);
            return;
        }

        _writer.Write('"');
        foreach (var c in value)
        {
            if (c == '"')
            {
                _writer.Write('"');
            }

            _writer.Write(c);
        }

        _writer.Write('"');
    }

    public void Field(long value)
    {
        Span<char> buffer = stackalloc char[24];
        value.TryFormat(buffer, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        Field(buffer[..written]);
    }

    /// <summary>A field known to need no quoting (numbers, ids from the framework).</summary>
    public void Plain(ReadOnlySpan<char> value)
    {
        if (_lineStarted)
        {
            _writer.Write(',');
        }

        _lineStarted = true;
        _writer.Write(value);
    }

    public void Row(IEnumerable<string> fields)
    {
        foreach (var field in fields)
        {
            Field(field);
        }

        EndRow();
    }

    /// <summary>A whole line already formatted as CSV, line end included.</summary>
    public void Raw(string line) => _writer.Write(line);

    public void EndRow()
    {
        _writer.Write('\n');
        _lineStarted = false;
    }

    public void Dispose() => _writer.Dispose();
}
