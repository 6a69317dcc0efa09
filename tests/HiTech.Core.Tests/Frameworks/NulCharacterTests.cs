using CsCheck;
using HiTech.Core.Frameworks;
using HiTech.Core.Maturity;
using HiTech.Core.Tests.Maturity;

namespace HiTech.Core.Tests.Frameworks;

/// <summary>
/// Found by fuzzing (tests/fuzz/regressions/framework): a NUL character threw an ArgumentException out of the loader at
/// the start of a file, and anywhere else silently cut the file short. A file with one is refused, pointing at it.
/// </summary>
public class NulCharacterTests
{
    private static readonly string Framework = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "frameworks", "minimal.yaml"));
    private static readonly string Instrument = File.ReadAllText(TestMaturity.MinimalPath);

    [Fact]
    public void A_nul_at_the_start_is_a_yaml_syntax_error_not_an_exception()
    {
        var result = TestFrameworks.LoadText("\0: 0");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("yaml-syntax", 1, 1), (error.Rule, error.Line, error.Column));
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
