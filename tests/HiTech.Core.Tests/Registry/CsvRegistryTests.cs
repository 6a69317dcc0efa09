using System.Globalization;
using System.Text;
using HiTech.Core.Registry;
using HiTech.Core.Tests.Frameworks;

namespace HiTech.Core.Tests.Registry;

public sealed class CsvRegistryTests
{
    [Fact]
    public void Unreadable_rows_and_rows_whose_handling_throws_are_rejects_in_file_order()
    {
        using var registry = Open("id,name,note\nA,x,1\n\nboom,y,2\nB,\"open\nC,z,3\n");

        var results = registry.Read(new Echo()).ToList();

        Assert.Equal(["2 A", "3 ! the line is empty", "4 ! the row could not be read: boom", "5 ! a quoted field is not closed as expected, so lines 5-7 were read as one row of 2 fields; the header has 3 (check the quotes)"], results);
        Assert.Null(registry.Aborted);
    }

    [Fact]
    public void A_reading_failure_part_way_keeps_the_rows_before_and_rejects_the_rest_as_one()
    {
        var csv = new StringBuilder("id,name\n");
        for (var i = 0; i < 50_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"E{i:00000},x\n");
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        using var registry = new CsvRegistry(new FailingStream(bytes, failAfter: 200_000), "r.csv");

        var results = registry.Read(new Echo()).ToList();

        var read = results.Count - 1;
        Assert.InRange(read, 1, 49_999);
        Assert.Equal(Enumerable.Range(0, read).Select(i => $"{i + 2} E{i:00000}"), results[..read]);
        Assert.Equal($"{read + 2} ! the file could not be read from here on: disk gone", results[^1]);
        Assert.Equal($"r.csv: reading stopped after line {read + 1}: disk gone", registry.Aborted);
    }

    [Fact]
    public void A_repeated_column_name_is_a_header_problem_naming_the_file()
    {
        using var registry = Open("id,id\nA,B\n");

        var (scan, problems) = registry.Prepare(TestFrameworks.Classifier, TestFrameworks.Reference);

        Assert.Null(scan);
        Assert.StartsWith("registry.csv: line 1 (header):", problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_a_header_row_is_refused() =>
        Assert.Throws<InvalidDataException>(() => Open(""));

    private static CsvRegistry Open(string csv) => new(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "registry.csv");

    /// <summary>Says which line each row came from, and throws for the id "boom".</summary>
    private sealed class Echo : IRowHandler<string>
    {
        public string Row<TCells>(TCells cells, long line)
            where TCells : ICells, allows ref struct =>
            cells[0].SequenceEqual("boom") ? throw new InvalidOperationException("boom") : $"{line} {cells[0]}";

        public string Reject(long line, string reason) => $"{line} ! {reason}";
    }

    /// <summary>A stream whose disk goes away after some bytes.</summary>
    private sealed class FailingStream(byte[] bytes, int failAfter) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position >= failAfter ? throw new IOException("disk gone") : base.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) =>
            Position >= failAfter ? throw new IOException("disk gone") : base.Read(buffer);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position >= failAfter ? throw new IOException("disk gone") : base.ReadAsync(buffer, cancellationToken);
    }
}
