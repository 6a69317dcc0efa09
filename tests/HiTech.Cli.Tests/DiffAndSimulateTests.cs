using System.Text.Json;

namespace HiTech.Cli.Tests;

public class DiffAndSimulateTests
{
    /// <summary>The reference framework with the R&amp;D pillar at 30 (technology down to 15), Hi-Tech from 60 and a new optional input.</summary>
    public static string Modified(TempFolder folder)
    {
        var yaml = File.ReadAllText(Cli.ReferenceFramework)
            .Replace("version: \"2025.1\"", "version: \"2025.2\"", StringComparison.Ordinal)
            .Replace("  - id: technology\n    title: { en: Technology intensity, ml: സാങ്കേതിക തീവ്രത }\n    weight: 20", "  - id: technology\n    title: { en: Technology intensity, ml: സാങ്കേതിക തീവ്രത }\n    weight: 15", StringComparison.Ordinal)
            .Replace("  - id: rnd\n    title: { en: R&D and innovation, ml: ഗവേഷണ-വികസനവും നവീകരണവും }\n    weight: 25", "  - id: rnd\n    title: { en: R&D and innovation, ml: ഗവേഷണ-വികസനവും നവീകരണവും }\n    weight: 30", StringComparison.Ordinal)
            .Replace("    min_index: 55", "    min_index: 60", StringComparison.Ordinal)
            .Replace("inputs:\n", "inputs:\n  - id: women_staff\n    type: count\n    title: { en: Women on the staff, ml: സ്ത്രീ ജീവനക്കാർ }\n", StringComparison.Ordinal);
        return folder.Write("proposal.yaml", yaml);
    }

    [Fact]
    public void A_framework_diffed_with_itself_has_no_differences()
    {
        var result = Cli.Run("diff", "kerala-htmf/2025.1", Cli.ReferenceFramework);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("no differences", result.OutLines[^1]);
    }

    [Fact]
    public void A_modified_copy_shows_weight_threshold_and_input_changes()
    {
        using var folder = new TempFolder();
        Modified(folder);

        var result = folder.Run("diff", "kerala-htmf/2025.1", "proposal.yaml");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  changed  version: 2025.1 -> 2025.2", result.OutLines);
        Assert.Contains("  changed  pillars.rnd.weight: 25 -> 30", result.OutLines);
        Assert.Contains("  changed  pillars.technology.weight: 20 -> 15", result.OutLines);
        Assert.Contains("  changed  tiers.hitech.min_index: 55 -> 60", result.OutLines);
        Assert.Contains("  added    inputs.women_staff: count, optional", result.OutLines);
        Assert.Equal("5 differences", result.OutLines[^1]);
    }

    [Fact]
    public void Diff_of_an_invalid_framework_is_exit_2_with_its_errors()
    {
        using var folder = new TempFolder();
        folder.Write("bad.yaml", "id: x\nversion: 1\n");

        var result = folder.Run("diff", "kerala-htmf/2025.1", "bad.yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bad.yaml:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulating_a_framework_against_itself_moves_nobody()
    {
        using var folder = new TempFolder();
        folder.Run("generate", "--rows", "2000", "--seed", "4", "--out", "r.csv");

        var result = folder.Run("simulate", "--baseline", "kerala-htmf/2025.1", "--proposal", "kerala-htmf/2025.1", "--in", "r.csv", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(0, root.GetProperty("up").GetInt64());
        Assert.Equal(0, root.GetProperty("down").GetInt64());
        Assert.Equal(2000, root.GetProperty("unchanged").GetInt64());
        var matrix = root.GetProperty("matrix").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt64()).ToArray()).ToArray();
        for (var b = 0; b < matrix.Length; b++)
        {
            for (var p = 0; p < matrix[b].Length; p++)
            {
                Assert.True(b == p || matrix[b][p] == 0, $"[{b}][{p}] = {matrix[b][p]}");
            }
        }

        Assert.Equal(2000, matrix.Select((r, i) => r[i]).Sum());
    }

    [Fact]
    public void Simulating_a_proposal_prints_the_matrix_and_movers()
    {
        using var folder = new TempFolder();
        Modified(folder);
        folder.Run("generate", "--rows", "3000", "--seed", "9", "--out", "r.csv");

        var result = folder.Run("simulate", "--baseline", "kerala-htmf/2025.1", "--proposal", "proposal.yaml", "--in", "r.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Tier transitions (rows: baseline tier, columns: proposal tier)", result.OutLines);
        Assert.Contains(result.OutLines, l => l.StartsWith("  baseline \\ proposal  hitech-leader  hitech  emerging  conventional", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("moved up ", StringComparison.Ordinal));
        Assert.Contains("Movers by district", result.OutLines);
        Assert.Contains(result.OutLines, l => l.Contains("sectors by movers", StringComparison.Ordinal) || l.StartsWith("Movers by sector", StringComparison.Ordinal));
    }

    [Fact]
    public void Simulate_counts_rejected_rows_and_exits_1()
    {
        using var folder = new TempFolder();
        folder.Write("r.csv", File.ReadAllText(Cli.SampleRegistry).Replace("Kasaragod,30111", "Madras,30111", StringComparison.Ordinal));

        var result = folder.Run("simulate", "--baseline", "kerala-htmf/2025.1", "--proposal", "kerala-htmf/2025.1", "--in", "r.csv", "--rejects", "rej.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("scored 13, rejected 1 (see rej.csv)", result.OutLines);
        Assert.Contains("line 14: district:", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, CsvFile.Read(folder.File("rej.csv")).Count);
    }
}
