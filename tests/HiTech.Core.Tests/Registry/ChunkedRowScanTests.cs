using System.Text;
using HiTech.Core.Registry;
using HiTech.Core.Tests.Frameworks;
using HiTech.Core.Tests.PropertyBased;

namespace HiTech.Core.Tests.Registry;

/// <summary>
/// Cutting a registry into chunks that the workers parse must change nothing: every results and rejects line, and
/// every line number, as the plain path (rows copied off one reading thread) gives them, wherever the cuts fall.
/// </summary>
public sealed class ChunkedRowScanTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(97)]
    [InlineData(4096)]
    [InlineData(ChunkedRowScan.DefaultChunkBytes)]
    public void Chunks_give_the_same_results_and_rejects_line_for_line_as_the_plain_path(int chunkBytes)
    {
        var bytes = Encoding.UTF8.GetBytes(AwkwardRegistry());

        var plain = Score(new NotSeekable(bytes), chunkBytes, out var plainChunked);
        var chunked = Score(new MemoryStream(bytes), chunkBytes, out var wasChunked);

        Assert.False(plainChunked);
        Assert.True(wasChunked);
        Assert.Equal(plain.Count, chunked.Count);
        for (var i = 0; i < plain.Count; i++)
        {
            Assert.Equal(plain[i], chunked[i]);
        }

        Assert.Contains(chunked, l => l.Rejected && l.Text.Contains("is not a Kerala district", StringComparison.Ordinal));
        Assert.Contains(chunked, l => l.Rejected && l.Text.Contains("the line is empty", StringComparison.Ordinal));
        Assert.Contains(chunked, l => l.Rejected && l.Text.Contains("a quoted field is not closed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_byte_order_mark_and_windows_line_ends_keep_the_lines_right()
    {
        var text = "\uFEFF" + AwkwardRegistry().Replace("\n", "\r\n", StringComparison.Ordinal).Replace("\r\r\n", "\r\n", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text[1..])).ToArray();

        var plain = Score(new NotSeekable(bytes), 64, out _);
        var chunked = Score(new MemoryStream(bytes), 64, out var wasChunked);

        Assert.True(wasChunked);
        Assert.Equal(plain, chunked);
    }

    [Fact]
    public void Sep_and_the_chunk_cutter_count_lines_alike() =>
        Assert.Equal(4, ChunkedRowScan.LinesIn("a\r\nb\rc\n\"d\re\""u8));

    /// <summary>Generated enterprises with every kind of trouble between them: blank lines, quoted line breaks, lone
    /// carriage returns, Malayalam text, a field count off, a district that is not one, and a quote never closed.</summary>
    private static string AwkwardRegistry()
    {
        var enterprises = Enumerable.Range(0, 300).Select(i => Registries.Generator.Generate(i, 2025)).ToArray();
        var lines = Registries.Csv(enterprises).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var header = lines[0];
        var columns = header.Split(',').ToList();
        var name = columns.IndexOf("name");
        Assert.True(name >= 0, header);

        string WithName(string line, string value, int column = -1)
        {
            var cells = line.Split(',');
            cells[column < 0 ? name : column] = value;
            return string.Join(',', cells);
        }

        lines[20] = WithName(lines[20], "Madras", columns.IndexOf("district"));
        lines[^3] = WithName(lines[^3], "\"never closed");
        for (var i = lines.Count - 1; i > 1; i -= 7)
        {
            switch (i % 5)
            {
                case 0: lines.Insert(i, ""); break;
                case 1: lines[i] = WithName(lines[i], "\"Kochi\nUnit, \"\"Two\"\"\""); break;
                case 2: lines[i] = WithName(lines[i], "\"Carriage\rreturn\""); break;
                case 3: lines[i] = WithName(lines[i], "കൊച്ചി ടെക്"); break;
                default: lines[i] += ",extra"; break;
            }
        }

        return string.Join('\n', lines) + "\n";
    }

    private static List<ResultLine> Score(Stream stream, int chunkBytes, out bool chunked)
    {
        using var registry = new CsvRegistry(stream, "registry.csv", chunkBytes);
        var (scan, problems) = registry.Prepare(TestFrameworks.Classifier, Registries.Framework);
        Assert.True(scan is not null, string.Join("; ", problems));
        using (scan)
        {
            var lines = registry.Read(scan.Lines(new ResultFormat(Registries.Framework))).ToList();
            chunked = registry.Chunked;
            return lines;
        }
    }

    /// <summary>A stream that cannot seek, as a pipe: the plain path reads it.</summary>
    private sealed class NotSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
