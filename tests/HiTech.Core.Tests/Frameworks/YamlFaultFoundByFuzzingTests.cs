using CsCheck;
using HiTech.Core.Frameworks;
using HiTech.Core.Maturity;
using HiTech.Core.Tests.Maturity;

namespace HiTech.Core.Tests.Frameworks;

/// <summary>
/// Found by fuzzing (tests/fuzz/regressions/framework): YamlDotNet throws an ArgumentException, which escaped the
/// loaders, for a mapping whose key has no value (" : 0"), and reads a NUL character as a space. Both are yaml-syntax
/// errors pointing at the cause, in framework, instrument and schemes files alike.
/// </summary>
public class YamlFaultFoundByFuzzingTests
{
    private static readonly string Framework = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "frameworks", "minimal.yaml"));
    private static readonly string Instrument = File.ReadAllText(TestMaturity.MinimalPath);

    [Theory]
    [InlineData(" : 0", 1, 2)]
    [InlineData("id: x\ndomains:\n  - id: a\n    values:\n     : 0\n", 5, 6)]
    public void A_key_without_a_value_is_a_yaml_syntax_error_at_its_mapping(string yaml, int line, int column)
    {
        foreach (var errors in new[] { TestFrameworks.LoadText(yaml).Errors, MaturityInstrumentLoader.Load(yaml, "test.yaml").Errors, SchemeCatalogLoader.Load(yaml, "test.yaml").Errors })
        {
            var error = Assert.Single(errors);
            Assert.Equal(("yaml-syntax", line, column), (error.Rule, error.Line, error.Column));
            Assert.Contains("has no value", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_nul_is_a_yaml_syntax_error_naming_it()
    {
        var result = TestFrameworks.LoadText("id: x\n\0: 0");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("yaml-syntax", 2, 1), (error.Rule, error.Line, error.Column));
        Assert.Contains("NUL character", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nul_anywhere_in_a_framework_or_instrument_is_refused_where_it_is()
    {
        Gen.Select(Gen.Int[0, Framework.Length], Gen.Int[0, Instrument.Length]).Sample((f, i) =>
        {
            AssertRefusedAt(TestFrameworks.LoadText(Framework.Insert(f, "\0")).Errors, Framework, f);
            AssertRefusedAt(MaturityInstrumentLoader.Load(Instrument.Insert(i, "\0"), "test.yaml").Errors, Instrument, i);
        }, iter: 200, threads: 1);
    }

    private static void AssertRefusedAt(IReadOnlyList<FrameworkError> errors, string text, int at)
    {
        var line = 1 + text[..at].Count(c => c == '\n');
        var column = at - (text.LastIndexOf('\n', Math.Max(at - 1, 0)) + 1) + 1;
        var error = Assert.Single(errors);
        Assert.Equal(("yaml-syntax", line, column), (error.Rule, error.Line, error.Column));
    }
}
