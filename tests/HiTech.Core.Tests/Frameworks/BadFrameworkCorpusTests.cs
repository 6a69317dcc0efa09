using System.Globalization;

namespace HiTech.Core.Tests.Frameworks;

/// <summary>
/// Every file in TestData/bad-frameworks is TestData/frameworks/minimal.yaml with one fault put in. Its header
/// says what the loader must report: <c># expect-rule:</c>, <c># expect-at: line:column</c> and
/// <c># expect-message:</c> (a fragment of the message).
/// </summary>
public class BadFrameworkCorpusTests
{
    /// <summary>The rule ids the corpus must exercise at least once.</summary>
    private static readonly string[] RequiredRules =
    [
        "yaml-syntax", "unknown-field", "missing-field", "wrong-type", "unknown-type", "undefined-name", "type-mismatch",
        "division-needs-fallback", "unknown-function", "argument-count", "weights-sum", "bad-weight", "tier-order", "tier-overlap",
        "tier-floor", "curve-order", "score-range", "derived-cycle", "duplicate-id", "unknown-input", "unknown-gate", "unknown-tier",
        "unknown-domain", "unknown-value", "missing-domain", "bad-id", "reserved-name", "bad-range", "bad-lever", "bad-effort",
        "missing-malayalam", "check-reads-computed",
    ];

    private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "TestData", "bad-frameworks");

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(CorpusDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Fact]
    public void The_base_of_the_corpus_is_itself_valid()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "frameworks", "minimal.yaml");

        var result = TestFrameworks.LoadText(File.ReadAllText(path), "minimal.yaml");

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal("minimal", result.Framework!.Id);
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void A_faulty_framework_is_refused_with_the_expected_error(string name)
    {
        var yaml = File.ReadAllText(Path.Combine(CorpusDirectory, name));
        var expected = Expectation.Read(name, yaml);

        var result = TestFrameworks.LoadText(yaml, name);

        var report = $"{name} ({expected}) gave:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", result.Errors)}";
        Assert.False(result.IsValid, $"{name} loaded, but it should fail with {expected.Rule}.");
        Assert.Null(result.Framework);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.Equal(name, e.File));
        Assert.True(
            result.Errors.Any(e => e.Rule == expected.Rule && e.Line == expected.Line && e.Column == expected.Column),
            $"expected {expected.Rule} at {expected.Line}:{expected.Column}; {report}");
        var error = result.Errors.First(e => e.Rule == expected.Rule && e.Line == expected.Line && e.Column == expected.Column);
        Assert.True(error.Message.Contains(expected.Message, StringComparison.Ordinal), $"the message lacks '{expected.Message}'; {report}");

        // One fault, one kind of complaint: no follow-on errors of other rules that would send an editor the wrong way.
        Assert.True(result.Errors.All(e => e.Rule == expected.Rule), $"only {expected.Rule} was expected; {report}");
    }

    [Fact]
    public void The_corpus_covers_every_rule_an_editor_is_likely_to_break()
    {
        var covered = Directory.EnumerateFiles(CorpusDirectory, "*.yaml")
            .Select(path => Expectation.Read(Path.GetFileName(path), File.ReadAllText(path)).Rule)
            .ToHashSet(StringComparer.Ordinal);

        var uncovered = RequiredRules.Where(rule => !covered.Contains(rule)).ToList();
        Assert.True(uncovered.Count == 0, $"no corpus file breaks: {string.Join(", ", uncovered)}");
    }

    [Fact]
    public void Every_corpus_file_states_its_expectation_in_its_header()
    {
        var files = Directory.EnumerateFiles(CorpusDirectory, "*.yaml").ToList();

        Assert.True(files.Count >= RequiredRules.Length, $"only {files.Count} files in the corpus");
        Assert.All(files, path =>
        {
            var expectation = Expectation.Read(Path.GetFileName(path), File.ReadAllText(path));
            Assert.InRange(expectation.Line, 1, 1000);
            Assert.InRange(expectation.Column, 1, 200);
            Assert.NotEmpty(expectation.Message);
        });
    }

    /// <summary>The header of one corpus file.</summary>
    private sealed record Expectation(string Rule, int Line, int Column, string Message)
    {
        public static Expectation Read(string name, string yaml)
        {
            var header = yaml.Split('\n').TakeWhile(line => line.StartsWith('#')).ToList();
            string Field(string key) =>
                header.Select(line => line.TrimEnd('\r')).FirstOrDefault(line => line.StartsWith($"# expect-{key}: ", StringComparison.Ordinal))?[$"# expect-{key}: ".Length..].Trim()
                ?? throw new InvalidOperationException($"{name}: the header lacks '# expect-{key}:'.");

            var at = Field("at").Split(':');
            return new Expectation(
                Field("rule"),
                int.Parse(at[0], CultureInfo.InvariantCulture),
                int.Parse(at[1], CultureInfo.InvariantCulture),
                Field("message"));
        }

        public override string ToString() => $"{Rule} at {Line}:{Column}";
    }
}
