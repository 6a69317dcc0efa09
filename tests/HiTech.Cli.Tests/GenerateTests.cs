namespace HiTech.Cli.Tests;

public class GenerateTests
{
    [Fact]
    public void The_same_seed_gives_a_byte_identical_file_and_another_seed_a_different_one()
    {
        using var folder = new TempFolder();

        var first = folder.Run("generate", "--rows", "5000", "--seed", "7", "--out", "a.csv");
        var second = folder.Run("generate", "--rows", "5000", "--seed", "7", "--out", "b.csv");
        var other = folder.Run("generate", "--rows", "5000", "--seed", "8", "--out", "c.csv");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(0, other.ExitCode);
        var a = File.ReadAllBytes(folder.File("a.csv"));
        Assert.Equal(a, File.ReadAllBytes(folder.File("b.csv")));
        Assert.NotEqual(a, File.ReadAllBytes(folder.File("c.csv")));
    }

    [Fact]
    public void The_file_is_utf8_without_bom_with_lf_line_ends_and_the_documented_columns()
    {
        using var folder = new TempFolder();

        folder.Run("generate", "--rows", "200", "--seed", "1", "--out", "r.csv");

        var bytes = File.ReadAllBytes(folder.File("r.csv"));
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.DoesNotContain((byte)'\r', bytes);
        var rows = CsvFile.Read(folder.File("r.csv"));
        Assert.Equal(HiTech.Core.Registry.GeneratedEnterprise.Columns, rows[0]);
        Assert.Equal(201, rows.Count);
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
    }

    [Fact]
    public void A_generated_registry_scores_cleanly()
    {
        using var folder = new TempFolder();
        folder.Run("generate", "--rows", "3000", "--seed", "3", "--out", "r.csv");

        var result = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", "r.csv", "--out", "o.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("read 3000, scored 3000, rejected 0, seconds ", result.OutLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_rows_is_bad_usage()
    {
        using var folder = new TempFolder();

        Assert.Equal(2, folder.Run("generate", "--rows", "-1", "--out", "r.csv").ExitCode);
        Assert.Equal(2, folder.Run("generate", "--rows", "ten", "--out", "r.csv").ExitCode);
    }
}
