using System.Globalization;

namespace HiTech.Cli.Tests;

public class ScoreTests
{
    [Fact]
    public void The_sample_registry_scores_every_row_with_the_documented_columns()
    {
        using var folder = new TempFolder();

        var result = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", Cli.SampleRegistry, "--out", "results.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = CsvFile.Read(folder.File("results.csv"));
        Assert.Equal(["enterprise_id", "index", "tier", "primary_oecd_group", "hva_activities", "gates_failed", "framework_id", "framework_version"], rows[0]);
        Assert.Equal(14, rows.Count - 1);
        Assert.Contains(rows, r => string.Join(',', r) == "KL-TVM-00000002,67.3,hitech,high,26104,,kerala-htmf,2025.1");
        Assert.All(rows.Skip(1), r =>
        {
            Assert.Matches(@"^\d{1,3}\.\d$", r[1]);
            Assert.Contains(r[2], (string[])["hitech-leader", "hitech", "emerging", "conventional"]);
            Assert.Contains(r[3], (string[])["high", "medium-high", "medium", "medium-low", "low"]);
        });
        Assert.Equal(["line", "enterprise_id", "field", "reason"], Assert.Single(CsvFile.Read(folder.File("results.rejects.csv"))));
    }

    [Fact]
    public void The_last_stdout_line_is_the_invariant_summary()
    {
        using var folder = new TempFolder();

        var result = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", Cli.SampleRegistry, "--out", "results.csv");

        Assert.Matches(@"^read 14, scored 14, rejected 0, seconds \d+\.\d\d, rows per second \d+$", result.OutLines[^1]);
    }

    [Fact]
    public void Timings_go_to_stderr_with_the_start_up_and_the_summary_stays_last()
    {
        using var folder = new TempFolder();

        var plain = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", Cli.SampleRegistry, "--out", "plain.csv");
        var timed = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", Cli.SampleRegistry, "--out", "results.csv", "--timings");

        Assert.True(timed.ExitCode == 0, timed.ToString());
        Assert.DoesNotContain("timings:", plain.Error, StringComparison.Ordinal);
        Assert.Matches(@"^read 14, scored 14, rejected 0", timed.OutLines[^1]);
        Assert.Matches(@"(?m)^timings: reference data and framework \(read side by side, then compiled\) \d+\.\d{3} s \(\d+ methods compiled at run time in \d+\.\d{3} s\)$", timed.Error);
        Assert.Matches(@"(?m)^timings: start-up \d+\.\d{3} s \(process start to first row scored\)$", timed.Error);
        Assert.Equal(File.ReadAllText(folder.File("plain.csv")), File.ReadAllText(folder.File("results.csv")));
    }

    [Fact]
    public void Failed_gates_are_gate_ids_separated_by_semicolons()
    {
        using var folder = new TempFolder();

        folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", Cli.SampleRegistry, "--out", "results.csv");

        var coir = CsvFile.Read(folder.File("results.csv")).Single(r => r[0] == "KL-ALP-00000004");
        Assert.Equal("rd_presence;technology_base;quality_system;digital_baseline", coir[5]);
        Assert.Equal("conventional", coir[2]);
    }

    [Fact]
    public void Rejects_go_where_asked_and_the_exit_code_is_1()
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(Cli.SampleRegistry).Replace("Kasaragod,30111", "Madras,30111", StringComparison.Ordinal);
        folder.Write("registry.csv", text);

        var result = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", "registry.csv", "--out", "results.csv", "--rejects", "bad.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("rejects: 1 row written to bad.csv", result.Out, StringComparison.Ordinal);
        var reject = Assert.Single(CsvFile.Read(folder.File("bad.csv")).Skip(1));
        Assert.Equal(["14", "KL-KSD-00000013", "district"], reject[..3]);
        Assert.False(File.Exists(folder.File("results.rejects.csv")));
    }

    [Fact]
    public void Without_rejects_option_they_go_beside_the_results_and_it_says_so()
    {
        using var folder = new TempFolder();
        folder.Write("registry.csv", File.ReadAllText(Cli.SampleRegistry).Replace("Kasaragod,30111", "Madras,30111", StringComparison.Ordinal));

        var result = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", "registry.csv", "--out", "out/results.csv".Replace('/', Path.DirectorySeparatorChar));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot be written", result.Error, StringComparison.Ordinal);

        Directory.CreateDirectory(folder.File("out"));
        result = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", "registry.csv", "--out", Path.Combine("out", "results.csv"));
        Assert.Equal(1, result.ExitCode);
        Assert.True(File.Exists(folder.File(Path.Combine("out", "results.rejects.csv"))));
        Assert.Contains("no --rejects given", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_framework_path_is_relative_to_the_working_directory()
    {
        using var folder = new TempFolder();
        File.Copy(Cli.ReferenceFramework, folder.File("mine.yaml"));

        var result = folder.Run("score", "--framework", "mine.yaml", "--in", Cli.SampleRegistry, "--out", "results.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Ids_with_commas_and_quotes_are_quoted_in_the_results()
    {
        using var folder = new TempFolder();
        folder.Write("r.csv", "enterprise_id,district,activities,turnover,value_added,employees\n\"KL,1 \"\"A\"\"\",Kollam,10795,1200000,500000,4\n");

        var result = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", "r.csv", "--out", "o.csv");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("\"KL,1 \"\"A\"\"\",", File.ReadAllLines(folder.File("o.csv"))[1], StringComparison.Ordinal);
        Assert.Equal("KL,1 \"A\"", CsvFile.Read(folder.File("o.csv"))[1][0]);
    }

    [Fact]
    public void Numbers_are_written_the_invariant_way_whatever_the_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            using var folder = new TempFolder();

            var result = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", Cli.SampleRegistry, "--out", "results.csv");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("KL-TVM-00000002,67.3,", File.ReadAllText(folder.File("results.csv")), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
