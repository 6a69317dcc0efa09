using System.Globalization;
using System.Text.RegularExpressions;
using HiTech.Cli.Commands;
using HiTech.Core.Collaboration;

namespace HiTech.Cli.Tests;

/// <summary><c>hitech match</c> on the documented samples and on broken files: formats, rejects, summary line.</summary>
public partial class MatchTests
{
    private static string SampleProviders => Path.Combine(Cli.Docs, "samples", "providers-sample.csv");

    private static string SampleNeeds => Path.Combine(Cli.Docs, "samples", "needs-sample.csv");

    private static string Doc => File.ReadAllText(Path.Combine(Cli.Docs, "collaboration-formats.md"));

    private const string ProvidersHeader = "provider_id,name,kind,district,nic_codes,stages,certifications,services,remote,expires_on";

    private const string NeedsHeader = "need_id,district,kinds,nic_code,stage,certifications,text,as_of";

    [Fact]
    public void The_samples_match_with_reasons_and_a_summary_line()
    {
        using var folder = new TempFolder();
        var result = folder.Run("match", "--providers", SampleProviders, "--needs", SampleNeeds, "--out", "m.csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(SummaryLine(), result.OutLines[^1]);
        Assert.StartsWith("needs 5, providers 12, matched 4, ", result.OutLines[^1], StringComparison.Ordinal);
        var rows = CsvFile.Read(folder.File("m.csv"));
        Assert.Equal(MatchCommand.MatchColumns, rows[0]);
        var n1 = rows.Where(r => r[0] == "N1").ToList();
        Assert.Equal(["1", "P001"], n1[0][1..3]);
        Assert.DoesNotContain(n1, r => r[2] is "P002" or "P010"); // wrong kind; expired before as_of
        Assert.DoesNotContain(rows, r => r[0] == "N5"); // nobody holds AS9100 among tic labs
        Assert.All(rows.Skip(1).GroupBy(r => r[0]), g => Assert.Equal(Enumerable.Range(1, g.Count()).Select(i => i.ToString(CultureInfo.InvariantCulture)), g.Select(r => r[1])));
        Assert.Equal(["file,line,id,field,reason"], File.ReadAllLines(folder.File("m.rejects.csv")));
    }

    [Fact]
    public void The_example_row_of_the_doc_is_what_the_samples_give()
    {
        using var folder = new TempFolder();
        folder.Run("match", "--providers", SampleProviders, "--needs", SampleNeeds, "--out", "m.csv");
        var first = File.ReadAllLines(folder.File("m.csv"))[1];
        Assert.Contains("\n" + first + "\n", Doc, StringComparison.Ordinal);
    }

    [Fact]
    public void The_doc_names_every_column_the_readers_know()
    {
        foreach (var column in ProviderRows.Required.Concat(ProviderRows.Optional).Concat(NeedRows.Required).Concat(MatchCommand.MatchColumns))
        {
            Assert.Contains($"| `{column}` |", Doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Bad_rows_go_to_the_rejects_with_line_and_reason_and_every_row_is_accounted_for()
    {
        using var folder = new TempFolder();
        folder.Write("p.csv", string.Join('\n',
            ProvidersHeader,
            "P1,Good Lab,tic-lab,Kottayam,2219,testing-certification,nabl,rubber testing,false,2027-01-01",
            "P2,Bad Kind,laboratory,Kottayam,2219,,,,false,2027-01-01",
            "P3,Bad NIC,tic-lab,Kottayam,2299,,,,false,2027-01-01",
            "P4,Bad Date,tic-lab,Kottayam,22,,,,false,31/12/2027",
            "P1,Repeated,tic-lab,Kottayam,22,,,,false,2027-01-01",
            "",
            "P5,Bad District,tic-lab,Madras,22,,,,false,2027-01-01",
            "P6,Bad Stage,tic-lab,Cochin,22,testing,,,false,2027-01-01",
            "P7,Bad Certification,tic-lab,Cochin,22,,iso27001,,false,2027-01-01",
            "P8,Bad Remote,tic-lab,Cochin,22,,,,maybe,2027-01-01",
            "P9,Outside,gcc,outside-kerala,7110,,,,true,2027-01-01") + "\n");
        folder.Write("n.csv", string.Join('\n',
            NeedsHeader,
            "N1,Kottayam,tic-lab,22191,testing-certification,nabl,rubber gloves,2026-12-01",
            "N2,Kottayam,,22191,,,,01/12/2026",
            "N3,Kottayam,,A,,,,2026-12-01",
            ",Kottayam,,22,,,,2026-12-01",
            "N4,outside-kerala,,22,,,,2026-12-01",
            "N5,,,7110,,,,2026-12-01") + "\n");

        var result = folder.Run("match", "--providers", "p.csv", "--needs", "n.csv", "--out", "m.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("needs 2, providers 2, matched 2, ", result.OutLines[^1], StringComparison.Ordinal);
        var rejects = CsvFile.Read(folder.File("m.rejects.csv"));
        Assert.Equal(MatchCommand.RejectColumns, rejects[0]);
        var got = rejects.Skip(1).Select(r => (r[0], r[1], r[2], r[3])).ToList();
        Assert.Equal(
            [
                ("p.csv", "3", "P2", "kind"), ("p.csv", "4", "P3", "nic_codes"), ("p.csv", "5", "P4", "expires_on"), ("p.csv", "6", "P1", "provider_id"),
                ("p.csv", "7", "", ""), ("p.csv", "8", "P5", "district"), ("p.csv", "9", "P6", "stages"), ("p.csv", "10", "P7", "certifications"), ("p.csv", "11", "P8", "remote"),
                ("n.csv", "3", "N2", "as_of"), ("n.csv", "4", "N3", "nic_code"), ("n.csv", "5", "", "need_id"), ("n.csv", "6", "N4", "district"),
            ],
            got);
        var reasons = rejects.Skip(1).Select(r => r[4]).ToList();
        Assert.Contains("'laboratory' is not a provider kind; known: rnd-institute, tic-lab, design-engineering, gcc, professional", reasons);
        Assert.Contains("'2299' is not a NIC 2008 code", reasons);
        Assert.Contains("'31/12/2027' is not a date written yyyy-MM-dd", reasons);
        Assert.Contains("the same id is already given on line 2; ids must be unique", reasons);
        Assert.Contains("the line is empty", reasons);
        Assert.Contains("'A' is not a NIC code: write 2 to 5 digits (division 22, group 221, class 2219, sub-class 22191)", reasons);
        Assert.Contains("is required but was not given", reasons);
        Assert.Contains("'outside-kerala' is not one of Kerala's 14 districts (official names or the usual variants such as Cochin or Trivandrum; a provider may be outside-kerala)", reasons);
        Assert.Equal(
            ["need_id,rank,provider_id,score,reasons"],
            File.ReadAllLines(folder.File("m.csv")).Take(1));
        var matched = CsvFile.Read(folder.File("m.csv")).Skip(1).Select(r => (r[0], r[2])).ToList();
        Assert.Equal([("N1", "P1"), ("N5", "P9"), ("N5", "P1")], matched);
    }

    [Fact]
    public void A_file_missing_a_required_column_is_refused_as_a_whole()
    {
        using var folder = new TempFolder();
        folder.Write("p.csv", "provider_id,name,kind,district\nP1,Lab,tic-lab,Kottayam\n");
        var result = folder.Run("match", "--providers", "p.csv", "--needs", SampleNeeds, "--out", "m.csv");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("p.csv: line 1 (header): the file cannot be read:", result.Error, StringComparison.Ordinal);
        Assert.Contains("the required column 'expires_on' is missing", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_weights_are_refused_with_their_place_and_rule()
    {
        using var folder = new TempFolder();
        var weights = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "collaboration", "matching", "2026.1.yaml")).Replace("stage: 15", "stage: 16", StringComparison.Ordinal);
        folder.Write("w.yaml", weights);
        var result = folder.Run("match", "--providers", SampleProviders, "--needs", SampleNeeds, "--out", "m.csv", "--weights", "w.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"w\.yaml:\d+:\d+: points-total: ", result.Error);
    }

    [Fact]
    public void The_same_files_as_excel_give_the_same_matches()
    {
        using var folder = new TempFolder();
        ExcelTests.WriteWorkbook(SampleProviders, folder.File("p.xlsx"));
        ExcelTests.WriteWorkbook(SampleNeeds, folder.File("n.xlsx"));
        var csv = folder.Run("match", "--providers", SampleProviders, "--needs", SampleNeeds, "--out", "csv.csv");
        var excel = folder.Run("match", "--providers", "p.xlsx", "--needs", "n.xlsx", "--out", "xlsx.csv");
        Assert.Equal(0, excel.ExitCode);
        Assert.Equal(0, csv.ExitCode);
        Assert.Equal(File.ReadAllText(folder.File("csv.csv")), File.ReadAllText(folder.File("xlsx.csv")));
    }

    [Fact]
    public void Top_limits_the_matches_per_need()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, folder.Run("match", "--providers", SampleProviders, "--needs", SampleNeeds, "--out", "m.csv", "--top", "1").ExitCode);
        var rows = CsvFile.Read(folder.File("m.csv")).Skip(1).ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal("1", r[1]));
        Assert.Equal(2, folder.Run("match", "--providers", SampleProviders, "--needs", SampleNeeds, "--out", "m.csv", "--top", "0").ExitCode);
    }

    [GeneratedRegex(@"^needs \d+, providers \d+, matched \d+, p50_ms \d+\.\d{3}, p99_ms \d+\.\d{3}, seconds \d+\.\d{2}$")]
    private static partial Regex SummaryLine();
}
