using System.Globalization;
using MiniExcelLibs;

namespace HiTech.Cli.Tests;

public class ExcelTests
{
    /// <summary>Writes a CSV registry as a workbook: numbers as numbers, true/false as booleans, the rest as text.</summary>
    internal static void WriteWorkbook(string csvPath, string xlsxPath)
    {
        var rows = CsvFile.Read(csvPath);
        var header = rows[0];
        var textColumns = new HashSet<string>(["enterprise_id", "name", "district", "activities", "certifications"], StringComparer.Ordinal);
        var sheet = rows.Skip(1).Select(row =>
        {
            var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var c = 0; c < header.Length; c++)
            {
                var text = c < row.Length ? row[c] : "";
                cells[header[c]] = text.Length == 0 ? null
                    : textColumns.Contains(header[c]) ? text
                    : text is "true" or "false" ? text == "true"
                    : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number
                    : text;
            }

            return cells;
        }).ToList();
        MiniExcel.SaveAs(xlsxPath, sheet, excelType: ExcelType.XLSX);
    }

    [Fact]
    public void The_same_registry_as_xlsx_gives_the_same_results_as_the_csv()
    {
        using var folder = new TempFolder();
        folder.Run("generate", "--rows", "400", "--seed", "11", "--out", "r.csv");
        var csv = File.ReadAllText(folder.File("r.csv")).Split('\n');
        csv[5] = csv[5].Replace(",Kannur,", ",Madras,", StringComparison.Ordinal).Replace(",Ernakulam,", ",Madras,", StringComparison.Ordinal)
            .Replace(",Thrissur,", ",Madras,", StringComparison.Ordinal).Replace(",Kollam,", ",Madras,", StringComparison.Ordinal);
        File.WriteAllText(folder.File("r.csv"), string.Join('\n', csv));
        WriteWorkbook(folder.File("r.csv"), folder.File("r.xlsx"));

        var fromCsv = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", "r.csv", "--out", "csv.csv");
        var fromExcel = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", "r.xlsx", "--out", "xlsx.csv");

        Assert.True(fromCsv.ExitCode == fromExcel.ExitCode, fromCsv + "\n" + fromExcel);
        Assert.Equal(File.ReadAllText(folder.File("csv.csv")), File.ReadAllText(folder.File("xlsx.csv")));
        Assert.Equal(File.ReadAllText(folder.File("csv.rejects.csv")), File.ReadAllText(folder.File("xlsx.rejects.csv")));
    }

    [Fact]
    public void Excel_is_recognised_by_content_not_by_name()
    {
        using var folder = new TempFolder();
        WriteWorkbook(Cli.SampleRegistry, folder.File("registry.csv.data"));
        File.Copy(Cli.SampleRegistry, folder.File("looks-like.xlsx"));

        var workbook = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", "registry.csv.data", "--out", "a.csv");
        var text = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", "looks-like.xlsx", "--out", "b.csv");

        Assert.True(workbook.ExitCode == 0, workbook.ToString());
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Equal(File.ReadAllText(folder.File("a.csv")), File.ReadAllText(folder.File("b.csv")));
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_exit_2()
    {
        using var folder = new TempFolder();
        using (var zip = System.IO.Compression.ZipFile.Open(folder.File("fake.xlsx"), System.IO.Compression.ZipArchiveMode.Create))
        {
            using var entry = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            entry.Write("not a workbook");
        }

        var result = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", "fake.xlsx", "--out", "o.csv");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("fake.xlsx", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(185000000.0, "185000000")]
    [InlineData(true, "true")]
    [InlineData(null, "")]
    public void Cells_become_invariant_text(object? value, string text)
    {
        Assert.Equal(text, HiTech.Core.Registry.ExcelRegistry.ExcelText(value));
    }

    [Fact]
    public void Dates_become_iso_dates()
    {
        Assert.Equal("2025-09-24", HiTech.Core.Registry.ExcelRegistry.ExcelText(new DateTime(2025, 9, 24, 0, 0, 0, DateTimeKind.Unspecified)));
    }
}
