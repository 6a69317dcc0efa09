using System.Globalization;
using System.Text;
using HiTech.Core.Registry;
using nietras.SeparatedValues;

namespace HiTech.Core.Tests.Registry;

public sealed class ParallelRowScanTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(10_000)]
    public void Every_row_comes_back_once_in_file_order_with_its_cells(int rows)
    {
        var csv = new StringBuilder("id,name,note\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"E{i},\"Unit {i}, Kochi\",{new string('x', i % 7)}\n");
        }

        using var reader = CsvRegistry.Options.FromText(csv.ToString());
        var lines = ParallelRowScan.Run(
                reader,
                row => (row.LineNumberFrom, null),
                (cells, _, _) => $"{cells[0]}|{cells[1]}|{cells[2].Length}|{cells.Count}")
            .ToList();

        Assert.Equal(rows, lines.Count);
        for (var i = 0; i < rows; i++)
        {
            Assert.Equal(i + 2, lines[i].Line);
            Assert.Equal($"E{i}|Unit {i}, Kochi|{i % 7}|3", lines[i].Result);
        }
    }

    [Fact]
    public void Quoted_cells_come_back_unescaped_whatever_surrounds_them()
    {
        // Rows are copied whole and cells found inside the copy (Sep unescapes in place): doubled quotes, separators
        // and line breaks inside quotes, empty cells and a quoted empty cell must all come back as written.
        using var reader = CsvRegistry.Options.FromText("id,name,note\n\"E\"\"1\",\"a \"\"b\"\", c\",\"one\ntwo\"\n,\"\",x\nE3,plain,\"\"\"\"\n");
        var lines = ParallelRowScan.Run(reader, row => (row.LineNumberFrom, null), (cells, _, _) => Joined(cells)).ToList();

        Assert.Equal(["E\"1|a \"b\", c|one\ntwo", "||x", "E3|plain|\""], lines.Select(l => l.Result));
        Assert.Equal([2L, 4L, 5L], lines.Select(l => l.Line));

        static string Joined(ParallelRowScan.BatchCells cells)
        {
            var text = new StringBuilder();
            for (var i = 0; i < cells.Count; i++)
            {
                text.Append(i == 0 ? "" : "|").Append(cells[i]);
            }

            return text.ToString();
        }
    }

    [Fact]
    public void A_field_larger_than_a_batch_is_copied_whole()
    {
        var big = new string('z', 3_000_000);
        using var reader = CsvRegistry.Options.FromText($"id,note\nA,{big}\nB,small\n");
        var lines = ParallelRowScan.Run(reader, row => (row.LineNumberFrom, null), (cells, _, _) => $"{cells[0]}:{cells[1].Length}").ToList();

        Assert.Equal(["A:3000000", "B:5"], lines.Select(l => l.Result));
    }

    [Fact]
    public void Why_a_row_is_unreadable_reaches_the_worker()
    {
        using var reader = CsvRegistry.Options.FromText("id\nA\n\nB\n");
        var lines = ParallelRowScan.Run(
                reader,
                row => (row.LineNumberFrom, row[0].Span.IsEmpty ? "empty" : null),
                (cells, _, unreadable) => unreadable ?? cells[0].ToString())
            .ToList();

        Assert.Equal(["A", "empty", "B"], lines.Select(l => l.Result));
    }

    [Fact]
    public void When_reading_fails_part_way_the_rows_before_come_back_first_then_the_failure()
    {
        var csv = new StringBuilder("id\n");
        for (var i = 0; i < 5000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"E{i}\n");
        }

        using var reader = CsvRegistry.Options.FromText(csv.ToString());
        var seen = new List<long>();
        var failure = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var line in ParallelRowScan.Run(
                reader,
                row => row.LineNumberFrom == 3002 ? throw new InvalidDataException("broken at 3002") : (row.LineNumberFrom, null),
                (cells, _, _) => cells[0].ToString()))
            {
                seen.Add(line.Line);
            }
        });

        Assert.Equal("broken at 3002", failure.Message);
        Assert.Equal(3000, seen.Count);
        Assert.Equal(Enumerable.Range(2, 3000).Select(i => (long)i), seen);
    }
}
