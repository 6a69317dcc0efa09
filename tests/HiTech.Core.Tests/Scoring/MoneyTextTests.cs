using CsCheck;
using HiTech.Core.Scoring;

namespace HiTech.Core.Tests.Scoring;

public class MoneyTextTests
{
    [Theory]
    [InlineData("2.1 crore", 21_000_000)]
    [InlineData("2.1 കോടി", 21_000_000)]
    [InlineData("2.1crore", 21_000_000)]
    [InlineData("62.5 lakh", 6_250_000)]
    [InlineData("62.5 ലക്ഷം", 6_250_000)]
    [InlineData("12,00,000", 1_200_000)]
    [InlineData("1,200,000", 1_200_000)]
    [InlineData("1200000", 1_200_000)]
    [InlineData("₹ 12 lakh", 1_200_000)]
    [InlineData("₹1,20,00,000", 12_000_000)]
    [InlineData("Rs. 5,00,000/-", 500_000)]
    [InlineData("INR 3 Crores", 30_000_000)]
    [InlineData("1 crore 20 lakh", 12_000_000)]
    [InlineData("12,34,567.50", 1_234_567.5)]
    [InlineData("൧൨ ലക്ഷം രൂപ", 1_200_000)]
    [InlineData("0", 0)]
    public void Reads_amounts_as_people_in_Kerala_type_them(string text, double expected)
    {
        Assert.Equal(MoneyProblem.None, MoneyText.TryParse(text, out var amount));
        Assert.Equal((decimal)expected, amount);
    }

    [Theory]
    [InlineData("", MoneyProblem.Empty)]
    [InlineData("   ", MoneyProblem.Empty)]
    [InlineData("abc", MoneyProblem.NotANumber)]
    [InlineData("lakh", MoneyProblem.NotANumber)]
    [InlineData("1.2.3", MoneyProblem.Ambiguous)]
    [InlineData("-5", MoneyProblem.Negative)]
    [InlineData("₹ -5 lakh", MoneyProblem.Negative)]
    [InlineData("−12,000", MoneyProblem.Negative)]
    [InlineData("12,34", MoneyProblem.Ambiguous)]
    [InlineData("1,2,3", MoneyProblem.Ambiguous)]
    [InlineData("12.345", MoneyProblem.Ambiguous)]
    [InlineData("12 34", MoneyProblem.Ambiguous)]
    [InlineData("20 lakh 1 crore", MoneyProblem.Ambiguous)]
    [InlineData("1 crore 150 lakh", MoneyProblem.Ambiguous)]
    [InlineData("1.5 crore 20 lakh", MoneyProblem.Ambiguous)]
    [InlineData("99999999999999999999", MoneyProblem.TooLarge)]
    [InlineData("100000000 crore", MoneyProblem.TooLarge)]
    public void Refuses_what_is_not_one_clear_amount(string text, MoneyProblem expected) =>
        Assert.Equal(expected, MoneyText.TryParse(text, out _));

    [Theory]
    [InlineData(12_000_000, "₹1,20,00,000")]
    [InlineData(2_500_000, "₹25,00,000")]
    [InlineData(1_234_567.5, "₹12,34,567.50")]
    [InlineData(999, "₹999")]
    public void Writes_amounts_in_Indian_grouping(double amount, string expected) =>
        Assert.Equal(expected, MoneyText.Format((decimal)amount));

    [Fact]
    public void Format_then_parse_gives_the_amount_back() =>
        Gen.Long[0, 99_999_999_999_999].Select(Gen.Int[0, 99]).Sample((rupees, paise) =>
        {
            var amount = rupees + (paise / 100m);
            return MoneyText.TryParse(MoneyText.Format(amount), out var back) == MoneyProblem.None && back == amount
                && MoneyText.TryParse(MoneyText.FormatDigits(amount), out var digits) == MoneyProblem.None && digits == amount;
        });
}
