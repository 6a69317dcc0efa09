using System.Globalization;
using System.Text;

namespace HiTech.Core.Scoring;

/// <summary>
/// Numbers the way Indian readers expect them: lakh and crore grouping (12,34,567) and the rupee sign.
/// Culture-invariant on purpose, so output never depends on the machine's locale.
/// </summary>
public static class IndianFormat
{
    public static string Rupees(decimal amount) => "₹" + Group(amount, 0);

    public static string Rupees(double amount) => Rupees((decimal)Math.Round(amount, 0, MidpointRounding.AwayFromZero));

    /// <summary>Groups the integer part as 12,34,567 and keeps <paramref name="decimals"/> digits after the point.</summary>
    public static string Group(decimal value, int decimals)
    {
        var text = Math.Abs(Math.Round(value, decimals, MidpointRounding.AwayFromZero)).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text : text[..point];
        var builder = new StringBuilder();
        if (value < 0)
        {
            builder.Append('-');
        }

        if (whole.Length <= 3)
        {
            builder.Append(whole);
        }
        else
        {
            var head = whole[..^3];
            var first = head.Length % 2;
            if (first == 1)
            {
                builder.Append(head[0]).Append(',');
            }

            for (var i = first; i < head.Length; i += 2)
            {
                builder.Append(head, i, 2).Append(',');
            }

            builder.Append(whole[^3..]);
        }

        if (point >= 0)
        {
            builder.Append(text[point..]);
        }

        return builder.ToString();
    }
}
