using HiTech.Fuzz;

namespace HiTech.Core.Tests.Fuzz;

/// <summary>
/// Replays every fuzz seed (tests/fuzz/corpus) and every input a fuzzing run once crashed on (tests/fuzz/regressions)
/// through its target, so CI checks them on every run even without AFL: only a reader's documented refusal may escape.
/// </summary>
public sealed class FuzzCorpusReplayTests
{
    private static string FuzzDirectory => Path.Combine(AppContext.BaseDirectory, "fuzz");

    public static TheoryData<string, string> Inputs()
    {
        var inputs = new TheoryData<string, string>();
        foreach (var kind in new[] { "corpus", "regressions" })
        {
            foreach (var target in FuzzTargets.All)
            {
                var directory = Path.Combine(FuzzDirectory, kind, target.Name);
                if (!Directory.Exists(directory))
                {
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
                {
                    inputs.Add(target.Name, Path.GetRelativePath(FuzzDirectory, file));
                }
            }
        }

        return inputs;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Only_the_documented_refusal_escapes(string target, string file)
    {
        var exception = Record.Exception(() => FuzzTargets.Find(target).Run(File.ReadAllBytes(Path.Combine(FuzzDirectory, file))));

        Assert.Null(exception);
    }

    [Fact]
    public void Every_target_has_seeds_and_every_corpus_folder_is_a_target()
    {
        var folders = Directory.GetDirectories(Path.Combine(FuzzDirectory, "corpus")).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(FuzzTargets.All.Select(t => t.Name).Order(StringComparer.Ordinal), folders);
        Assert.All(FuzzTargets.All, t => Assert.NotEmpty(Directory.GetFiles(Path.Combine(FuzzDirectory, "corpus", t.Name))));
    }
}
