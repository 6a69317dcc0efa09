using System.Globalization;
using HiTech.Core.Maturity;

namespace HiTech.Core.Tests.Maturity;

/// <summary>
/// Every file in TestData/bad-maturity is base/minimal.yaml with one fault put in. Its header says what the loader
/// must report: <c># expect-rule:</c>, <c># expect-at: line:column</c> and <c># expect-message:</c> (a fragment).
/// The loader is given one known scheme id, so that an unknown one is a fault.
/// </summary>
public class BadMaturityCorpusTests
{
    private static readonly string[] KnownSchemes = ["industry-4-0-reimbursement"];

    /// <summary>The rule ids the corpus must exercise at least once.</summary>
    private static readonly string[] RequiredRules =
    [
        "yaml-syntax", "unknown-field", "missing-field", "wrong-type", "missing-malayalam", "bad-id", "reserved-name", "duplicate-id",
        "unknown-dimension", "unknown-type", "unknown-value", "undefined-name", "type-mismatch", "screen-condition", "bad-points",
        "no-zero-option", "none-option", "too-few-options", "no-points", "options-not-allowed", "missing-adoption-levels", "inventory-type",
        "screen-size", "screen-coverage", "screen-count", "module-size", "band-gap", "band-overlap", "band-order", "bad-range",
        "missing-actions", "unknown-band", "unknown-scheme",
    ];

    private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "TestData", "bad-maturity");

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
        var result = MaturityInstrumentLoader.Load(File.ReadAllText(TestMaturity.MinimalPath), "minimal.yaml", KnownSchemes);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal("minimal", result.Instrument!.Id);
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void A_faulty_instrument_is_refused_with_the_expected_error(string name)
    {
        var yaml = File.ReadAllText(Path.Combine(CorpusDirectory, name));
        var expected = Expectation.Read(name, yaml);

        var result = MaturityInstrumentLoader.Load(yaml, name, KnownSchemes);

        var report = $"{name} ({expected}) gave:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", result.Errors)}";
        Assert.False(result.IsValid, $"{name} loaded, but it should fail with {expected.Rule}.");
        Assert.Null(result.Instrument);
        Assert.All(result.Errors, e => Assert.Equal(name, e.File));
        Assert.True(
            result.Errors.Any(e => e.Rule == expected.Rule && e.Line == expected.Line && e.Column == expected.Column),
            $"expected {expected.Rule} at {expected.Line}:{expected.Column}; {report}");
        var error = result.Errors.First(e => e.Rule == expected.Rule && e.Line == expected.Line && e.Column == expected.Column);
        Assert.True(error.Message.Contains(expected.Message, StringComparison.Ordinal), $"the message lacks '{expected.Message}'; {report}");

        // One fault, one kind of complaint: no follow-on errors of other rules.
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
    public void Without_scheme_ids_the_scheme_names_are_not_checked()
    {
        var yaml = File.ReadAllText(Path.Combine(CorpusDirectory, "unknown-scheme.yaml"));

        Assert.True(MaturityInstrumentLoader.Load(yaml, "unknown-scheme.yaml").IsValid);
    }

    [Fact]
    public void An_unreadable_file_is_one_error_not_an_exception()
    {
        var result = MaturityInstrumentLoader.LoadFile(Path.Combine(CorpusDirectory, "no-such-file.yaml"));

        Assert.False(result.IsValid);
        Assert.Equal("unreadable-file", Assert.Single(result.Errors).Rule);
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
            return new Expectation(Field("rule"), int.Parse(at[0], CultureInfo.InvariantCulture), int.Parse(at[1], CultureInfo.InvariantCulture), Field("message"));
        }

        public override string ToString() => $"{Rule} at {Line}:{Column}";
    }
}
