namespace HiTech.Cli.Tests;

/// <summary>
/// The bad-registry corpus: one file per fault under TestData/bad-registry. Each either refuses the whole file
/// (exit 2, naming the problem) or rejects the faulty row with its line, field and reason, and never crashes.
/// </summary>
public class BadRegistryTests
{
    public static TheoryData<string, int, string, string> RejectedRows => new()
    {
        { "wrong-type-money.csv", 3, "turnover", "'twelve lakh' is not a number" },
        { "negative-money.csv", 3, "rd_spend", "cannot be negative (-5000)" },
        { "stem-more-than-staff.csv", 3, "stem_staff;employees", "STEM staff cannot be more than total staff" },
        { "unknown-nic-code.csv", 3, "activities", "Near codes: 33121" },
        { "unknown-district.csv", 3, "district", "'Madras' is not a Kerala district" },
        { "broken-quoting.csv", 3, "", "a quoted field is not closed" },
        { "wrong-field-count.csv", 3, "", "the row has 5 fields but the header has 9" },
    };

    [Theory]
    [MemberData(nameof(RejectedRows))]
    public void A_faulty_row_is_rejected_with_its_line_field_and_reason(string file, int line, string field, string reason)
    {
        using var folder = new TempFolder();

        var result = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", Cli.BadRegistry(file), "--out", "out.csv");

        Assert.True(result.ExitCode == 1, result.ToString());
        var rejects = CsvFile.Read(folder.File("out.rejects.csv"));
        Assert.Equal(["line", "enterprise_id", "field", "reason"], rejects[0]);
        var reject = Assert.Single(rejects.Skip(1));
        Assert.Equal(line.ToString(System.Globalization.CultureInfo.InvariantCulture), reject[0]);
        Assert.Equal(field, reject[2]);
        Assert.Contains(reason, reject[3], StringComparison.Ordinal);
        var results = CsvFile.Read(folder.File("out.csv"));
        Assert.Equal("KL-OK-1", Assert.Single(results.Skip(1))[0]);
        Assert.StartsWith("read 2, scored 1, rejected 1, seconds ", result.OutLines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing-required-column.csv", "the column 'turnover' is missing")]
    [InlineData("empty.csv", "the file is empty")]
    [InlineData("duplicate-header-column.csv", "the column 'turnover' appears twice in the header")]
    public void A_file_that_cannot_be_scored_exits_2_naming_the_problem(string file, string message)
    {
        using var folder = new TempFolder();

        var result = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", Cli.BadRegistry(file), "--out", "out.csv");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains(file, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("header-only.csv", 0)]
    [InlineData("utf8-bom.csv", 1)]
    [InlineData("crlf.csv", 2)]
    public void Files_with_nothing_wrong_score_every_row(string file, int rows)
    {
        using var folder = new TempFolder();

        var result = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", Cli.BadRegistry(file), "--out", "out.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"read {rows}, scored {rows}, rejected 0, seconds ", result.OutLines[^1], StringComparison.Ordinal);
        var results = CsvFile.Read(folder.File("out.csv"));
        Assert.Equal(rows, results.Count - 1);
        Assert.All(results.Skip(1), r => Assert.StartsWith("KL-OK-", r[0], StringComparison.Ordinal));
    }

    [Fact]
    public void A_ten_megabyte_field_is_rejected_without_echoing_it()
    {
        using var folder = new TempFolder();
        var path = folder.File("huge.csv");
        using (var writer = new StreamWriter(path))
        {
            writer.Write("enterprise_id,district,activities,turnover,value_added,employees\n");
            writer.Write(new string('X', 10_000_000));
            writer.Write(",Ernakulam,10795,1200000,500000,4\nKL-OK-1,Kollam,10795,1200000,500000,4\n");
        }

        var result = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", "huge.csv", "--out", "out.csv");

        Assert.True(result.ExitCode == 1, result.ToString());
        var reject = Assert.Single(CsvFile.Read(folder.File("out.rejects.csv")).Skip(1));
        Assert.Equal("2", reject[0]);
        Assert.Equal("enterprise_id", reject[2]);
        Assert.Contains("is 10000000 characters long", reject[3], StringComparison.Ordinal);
        Assert.True(new FileInfo(folder.File("out.rejects.csv")).Length < 1000);
        Assert.Equal("KL-OK-1", Assert.Single(CsvFile.Read(folder.File("out.csv")).Skip(1))[0]);
    }

    [Fact]
    public void A_missing_input_file_exits_2()
    {
        using var folder = new TempFolder();

        var result = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", "nowhere.csv", "--out", "out.csv");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nowhere.csv: no such file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_lines_are_rejected_rows_not_silently_skipped()
    {
        using var folder = new TempFolder();
        folder.Write("gaps.csv", "enterprise_id,district,activities,turnover,value_added,employees\nKL-1,Kollam,10795,1200000,500000,4\n\nKL-2,Kollam,10795,1200000,500000,4\n");

        var result = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", "gaps.csv", "--out", "out.csv");

        Assert.Equal(1, result.ExitCode);
        var reject = Assert.Single(CsvFile.Read(folder.File("out.rejects.csv")).Skip(1));
        Assert.Equal("3", reject[0]);
        Assert.Equal("the line is empty", reject[3]);
    }
}
