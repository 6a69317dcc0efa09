using System.Globalization;
using HiTech.Core.Registry;

namespace HiTech.Core.Tests.Registry;

public sealed class ResultFormatTests
{
    [Fact]
    public void Every_index_in_tenths_is_written_as_F1_writes_it()
    {
        Span<char> buffer = stackalloc char[64];
        for (var tenths = 0; tenths <= 20_000; tenths++)
        {
            var index = Math.Round(tenths / 10.0, 1, MidpointRounding.AwayFromZero);
            Assert.Equal(index.ToString("F1", CultureInfo.InvariantCulture), buffer[..ResultFormat.FormatTenths(index, buffer)].ToString());
        }
    }

    [Theory]
    [InlineData(0.15)]
    [InlineData(1.0 / 3)]
    [InlineData(99.95)]
    [InlineData(-0.0)]
    [InlineData(-2.5)]
    [InlineData(1e16)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Values_that_are_not_whole_tenths_still_read_as_F1(double value)
    {
        Span<char> buffer = stackalloc char[64];
        Assert.Equal(value.ToString("F1", CultureInfo.InvariantCulture), buffer[..ResultFormat.FormatTenths(value, buffer)].ToString());
    }

    [Fact]
    public void Random_scores_rounded_as_the_scorer_rounds_them_read_as_F1()
    {
        var random = new Random(2025);
        Span<char> buffer = stackalloc char[64];
        for (var i = 0; i < 100_000; i++)
        {
            var index = Math.Round(Math.Clamp(random.NextDouble() * 110 - 5, 0, 100), 1, MidpointRounding.AwayFromZero);
            Assert.Equal(index.ToString("F1", CultureInfo.InvariantCulture), buffer[..ResultFormat.FormatTenths(index, buffer)].ToString());
        }
    }
}
