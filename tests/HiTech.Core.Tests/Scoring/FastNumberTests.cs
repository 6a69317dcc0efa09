using System.Globalization;
using CsCheck;
using HiTech.Core.Scoring;

namespace HiTech.Core.Tests.Scoring;

public class FastNumberTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("1250000", 1250000)]
    [InlineData("0.35", 0.35)]
    [InlineData("-12.5", -12.5)]
    [InlineData("007", 7)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5)]
    [InlineData("1e6", 1e6)]
    [InlineData("123456789012345678", 123456789012345678d)]
    public void Parses_like_double_Parse(string text, double expected)
    {
        Assert.True(FastNumber.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("12,345")]
    [InlineData("1.2.3")]
    [InlineData("abc")]
    [InlineData("₹100")]
    public void Refuses_what_double_TryParse_refuses(string text) =>
        Assert.False(FastNumber.TryParse(text, out _));

    [Fact]
    public void Agrees_with_double_Parse_on_any_plain_decimal() =>
        Gen.Select(Gen.Long[-999_999_999_999_999, 999_999_999_999_999], Gen.Int[0, 12])
            .Sample((mantissa, scale) =>
            {
                var text = (mantissa / Math.Pow(10, scale)).ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                Assert.True(FastNumber.TryParse(text, out var fast));
                Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), fast);
            });
}
