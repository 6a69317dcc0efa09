using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HiTech.Core.Scoring;

/// <summary>Why a typed amount was refused; the web words it in the user's language.</summary>
public enum MoneyProblem
{
    None,

    /// <summary>Nothing typed.</summary>
    Empty,

    /// <summary>Not an amount at all ("abc", "lakh" alone, two points).</summary>
    NotANumber,

    /// <summary>A minus sign: amounts of money here are never negative.</summary>
    Negative,

    /// <summary>Could be read more than one way: commas not in Indian or Western groups ("12,34"), three digits after a point ("12.345"), parts out of order ("20 lakh 1 crore").</summary>
    Ambiguous,

    /// <summary>More than <see cref="MoneyText.Largest"/>.</summary>
    TooLarge,
}

/// <summary>
/// The one reading of an amount of rupees as people in Kerala type it, for every form and the API's text values:
/// digits with or without grouping (Indian 12,34,567 or Western 1,234,567), an optional ₹, Rs, Rs. or INR before
/// and "/-" or "rupees" (രൂപ) after, and lakh or crore in English or Malayalam ("2.1 crore", "62.5 ലക്ഷം",
/// "1 crore 20 lakh"). Malayalam digits read as digits. Anything that could mean two amounts is refused, never guessed.
/// And the one way of writing an amount back: <see cref="Format"/> (₹1,20,00,000).
/// </summary>
public static partial class MoneyText
{
    /// <summary>Largest amount read (₹1,000 lakh crore); the callers' own limits are lower.</summary>
    public const decimal Largest = 1_000_000_000_000_000m;

    private const decimal Lakh = 100_000m;
    private const decimal Crore = 10_000_000m;

    public static MoneyProblem TryParse(string? text, out decimal amount)
    {
        amount = 0;
        var s = Normalise(text);
        if (s.Length == 0)
        {
            return MoneyProblem.Empty;
        }

        if (s[0] == '-')
        {
            return MoneyProblem.Negative;
        }

        s = StripSigns(s);
        if (s.StartsWith('-'))
        {
            return MoneyProblem.Negative;
        }

        if (s.Length == 0)
        {
            return MoneyProblem.NotANumber;
        }

        var total = 0m;
        var position = 0;
        var previousUnit = decimal.MaxValue;
        var parts = 0;
        var lastHadFraction = false;
        while (position < s.Length)
        {
            var match = Part().Match(s, position);
            var whole = match.Groups["whole"].Value;
            var fraction = match.Groups["fraction"].Value;
            if (!match.Success || match.Index != position || (whole.Length == 0 && fraction.Length == 0))
            {
                return MoneyProblem.NotANumber;
            }

            var unit = UnitOf(match.Groups["unit"].Value);
            if (whole.Contains(',', StringComparison.Ordinal) && !IndianGroups().IsMatch(whole) && !WesternGroups().IsMatch(whole))
            {
                return MoneyProblem.Ambiguous;
            }

            // A later part must be a smaller unit and fit under the one before it (1 crore 20 lakh, not 1 crore 150 lakh);
            // only the last part may have a fraction.
            if (parts > 0 && (unit >= previousUnit || lastHadFraction))
            {
                return MoneyProblem.Ambiguous;
            }

            // Plain rupees: a point then more than two digits is not paise (12.345 may be twelve thousand).
            if (unit == 1 && fraction.Length > 2)
            {
                return MoneyProblem.Ambiguous;
            }

            var digits = whole.Replace(",", "", StringComparison.Ordinal).TrimStart('0');
            if (digits.Length > 18 || fraction.Length > 18)
            {
                return MoneyProblem.TooLarge;
            }

            var value = decimal.Parse((digits.Length == 0 ? "0" : digits) + (fraction.Length > 0 ? "." + fraction : ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (parts > 0 && value * unit >= previousUnit)
            {
                return MoneyProblem.Ambiguous;
            }

            if (value >= Largest / unit)
            {
                return MoneyProblem.TooLarge;
            }

            total += value * unit;
            previousUnit = unit;
            lastHadFraction = fraction.Length > 0;
            parts++;
            position = match.Index + match.Length;
        }

        if (total > Largest)
        {
            return MoneyProblem.TooLarge;
        }

        // Fractions of lakh or crore can leave fractions of a paisa ("1.0000001 lakh"): paise are what is kept.
        amount = Math.Round(total, 2, MidpointRounding.AwayFromZero);
        return MoneyProblem.None;
    }

    /// <summary>An amount the way the pages write it and this parser reads it back: ₹1,20,00,000 or ₹12,34,567.50.</summary>
    public static string Format(decimal amount)
    {
        var rounded = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        return "₹" + IndianFormat.Group(rounded, rounded == decimal.Truncate(rounded) ? 0 : 2);
    }

    /// <summary>The same without the rupee sign, for a field that shows ₹ as its prefix: 1,20,00,000.</summary>
    public static string FormatDigits(decimal amount) => Format(amount)[1..];

    private static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            builder.Append(c switch
            {
                >= '\u0D66' and <= '\u0D6F' => (char)('0' + (c - '\u0D66')),
                '\u00A0' or '\u2009' or '\u202F' or '\t' => ' ',
                '\u2212' or '\u2013' => '-',
                _ => c,
            });
        }

        return builder.ToString().ToLowerInvariant();
    }

    private static string StripSigns(string s)
    {
        foreach (var sign in Prefixes)
        {
            if (s.StartsWith(sign, StringComparison.Ordinal))
            {
                s = s[sign.Length..].TrimStart();
                break;
            }
        }

        foreach (var sign in Suffixes)
        {
            if (s.EndsWith(sign, StringComparison.Ordinal))
            {
                s = s[..^sign.Length].TrimEnd();
                break;
            }
        }

        return s;
    }

    private static decimal UnitOf(string word) => word switch
    {
        "" => 1,
        "crore" or "crores" or "cr" or "cr." or "കോടി" => Crore,
        _ => Lakh,
    };

    private static readonly string[] Prefixes = ["₹", "rs.", "rs", "inr"];

    private static readonly string[] Suffixes = ["/-", "rupees", "രൂപ"];

    [GeneratedRegex(@"\G\s*(?<whole>[0-9][0-9,]*)?(?:\.(?<fraction>[0-9]+))?\s*(?<unit>crores|crore|cr\.|cr|lakhs|lakh|lacs|lac|ലക്ഷം|ലക്ഷ|കോടി)?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Part();

    [GeneratedRegex(@"^[0-9]{1,2}(,[0-9]{2})*,[0-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex IndianGroups();

    [GeneratedRegex(@"^[0-9]{1,3}(,[0-9]{3})+$", RegexOptions.CultureInvariant)]
    private static partial Regex WesternGroups();
}
