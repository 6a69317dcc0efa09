using HiTech.Core.Maturity;
using HiTech.Core.Reference;

namespace HiTech.Core.Tests.Maturity;

public class SchemeCatalogTests
{
    private const string Valid = """
        id: test
        version: "1"
        schemes:
          - id: grant
            name: { en: Grant, ml: ഗ്രാന്റ് }
            by: { en: State, ml: സംസ്ഥാനം }
            covers: { en: Half, ml: പകുതി }
            numbers:
              share_percent: 50
              max_inr: 100000
            sizes: [micro, small]
            eligibility: { en: Anyone, ml: ആർക്കും }
            source: Test
        """;

    [Fact]
    public void A_valid_file_loads_with_typed_numbers()
    {
        var result = SchemeCatalogLoader.Load(Valid, "s.yaml");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.True(result.Catalog!.TryGet("grant", out var grant));
        Assert.Equal([new SchemeNumber("share_percent", 50m, SchemeUnit.Percent), new SchemeNumber("max_inr", 100000m, SchemeUnit.Inr)], grant.Numbers);
        Assert.True(grant.IsOpenTo(MsmeSize.Small));
        Assert.False(grant.IsOpenTo(MsmeSize.Large));
    }

    [Theory]
    [InlineData("max_inr: 100000", "max_inr: 1.5", "bad-number", 10, 16, "whole rupees")]
    [InlineData("share_percent: 50", "share_percent: 150", "bad-number", 9, 22, "from 0 to 100")]
    [InlineData("share_percent: 50", "share: 50", "bad-number", 9, 7, "needs a unit")]
    [InlineData("sizes: [micro, small]", "sizes: [micro, tiny]", "unknown-value", 11, 12, "'tiny' is not a size class")]
    [InlineData("covers: { en: Half, ml: പകുതി }", "covers: { en: Half }", "missing-malayalam", 7, 13, "needs Malayalam")]
    [InlineData("source: Test", "source: Test\n    uncertain: true", "missing-field", 4, 5, "'uncertain_note' field")]
    public void A_faulty_scheme_is_refused_with_its_position(string from, string to, string rule, int line, int column, string message)
    {
        var result = SchemeCatalogLoader.Load(Valid.Replace(from, to, StringComparison.Ordinal), "s.yaml");

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal((rule, line, column), (error.Rule, error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_schemes_file_loads()
    {
        var result = SchemeCatalogLoader.LoadFile(TestMaturity.SchemesPath);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.True(result.Catalog!.Schemes.Length >= 5);
    }
}
