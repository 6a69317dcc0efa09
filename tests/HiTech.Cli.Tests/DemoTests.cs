namespace HiTech.Cli.Tests;

/// <summary>The README's first command: generate, score, summarise, explain, in one go.</summary>
public class DemoTests
{
    [Fact]
    public void The_demo_scores_a_registry_and_explains_one_enterprise()
    {
        using var folder = new TempFolder();

        var result = folder.Run("demo", "--rows", "2000", "--out", "demo");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("read 2000, scored 2000, rejected 0", result.Out, StringComparison.Ordinal);
        Assert.Contains("How the enterprises fall into tiers:", result.Out, StringComparison.Ordinal);
        Assert.Contains("How the index is made", result.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(folder.File(Path.Combine("demo", "results.csv"))));
    }
}
