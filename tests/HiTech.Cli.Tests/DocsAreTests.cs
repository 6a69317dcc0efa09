using System.Text.RegularExpressions;

namespace HiTech.Cli.Tests;

/// <summary>
/// docs/registry-format.md is a test: every <c>$ hitech ...</c> line in its console blocks is run in-process
/// from a copy of the repository layout, must exit 0, and must print the lines shown under it, in order
/// (<c>...</c> stands for any lines; blank lines are not compared). The worked example row must be the sample file's and score as shown.
/// </summary>
public partial class DocsAreTests
{
    private static string Doc => File.ReadAllText(Path.Combine(Cli.Docs, "registry-format.md"));

    public static TheoryData<string, string[]> Commands()
    {
        var data = new TheoryData<string, string[]>();
        foreach (Match block in ConsoleBlock().Matches(Doc))
        {
            string? command = null;
            var expected = new List<string>();
            foreach (var line in block.Groups[1].Value.Split('\n'))
            {
                if (line.StartsWith("$ ", StringComparison.Ordinal))
                {
                    if (command is not null)
                    {
                        data.Add(command, [.. expected]);
                    }

                    command = line[2..];
                    expected.Clear();
                }
                else if (line.Length > 0)
                {
                    expected.Add(line);
                }
            }

            if (command is not null)
            {
                data.Add(command, [.. expected]);
            }
        }

        return data;
    }

    [Fact]
    public void The_doc_has_commands_to_run()
    {
        Assert.True(Commands().Count >= 5);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Each_documented_command_runs_and_prints_what_the_doc_shows(string command, string[] expected)
    {
        using var folder = RepositoryCopy();
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("hitech", words[0]);

        var result = folder.Run(words[1..]);

        Assert.True(result.ExitCode == 0, $"{command}\n{result}");
        Assert.True(Matches(expected, result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)), $"{command}\nexpected:\n{string.Join('\n', expected)}\n{result}");
    }

    [Fact]
    public void The_worked_example_is_line_3_of_the_sample_and_scores_as_documented()
    {
        var blocks = CsvBlock().Matches(Doc).Select(m => m.Groups[1].Value.Trim()).ToList();
        var row = blocks.Single(b => b.Split(',').Length == 18);
        var result = blocks.Single(b => b.Split(',').Length == 8);
        using var folder = RepositoryCopy();

        Assert.Equal(row, File.ReadAllLines(Cli.SampleRegistry)[2]);
        folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", "docs/samples/registry-sample.csv", "--out", "results.csv");
        Assert.Contains(result, File.ReadAllLines(folder.File("results.csv")));
    }

    /// <summary>Expected lines in order; "..." matches any number of lines (none included).</summary>
    private static bool Matches(ReadOnlySpan<string> expected, ReadOnlySpan<string> actual)
    {
        if (expected.IsEmpty)
        {
            return actual.IsEmpty;
        }

        if (expected[0] == "...")
        {
            for (var skip = 0; skip <= actual.Length; skip++)
            {
                if (Matches(expected[1..], actual[skip..]))
                {
                    return true;
                }
            }

            return false;
        }

        return !actual.IsEmpty && actual[0] == expected[0] && Matches(expected[1..], actual[1..]);
    }

    /// <summary>A folder laid out like the repository root: docs/ and data/frameworks/.</summary>
    private static TempFolder RepositoryCopy()
    {
        var folder = new TempFolder();
        Copy(Cli.Docs, folder.File("docs"));
        Copy(Path.Combine(AppContext.BaseDirectory, "data", "frameworks"), Path.Combine(folder.Path, "data", "frameworks"));
        return folder;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex("```console\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ConsoleBlock();

    [GeneratedRegex("```csv\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CsvBlock();
}
