using System.Globalization;
using HiTech.Core.Expressions;
using HiTech.Core.Frameworks;

namespace HiTech.Core.Scoring;

/// <summary>
/// Parses and checks single input values against their declared type and range. Shared by the registry
/// reader (text cells), the enterprise loader (typed values) and the web, so all refuse the same things.
/// </summary>
public static class InputRules
{
    /// <summary>Checks a numeric value; returns null when it is acceptable, else the rule it breaks.</summary>
    public static ValueProblem? CheckNumber(CompiledInput input, double value)
    {
        if (!double.IsFinite(value))
        {
            return new(ValueRule.NotFinite, value);
        }

        if (input.Type == InputType.Count && value != Math.Floor(value))
        {
            return new(ValueRule.NotWhole, value);
        }

        if (value < input.Min)
        {
            return new(input.Type == InputType.Money && input.Min == 0 ? ValueRule.Negative : ValueRule.BelowMin, value, input.Min);
        }

        return value > input.Max ? new(ValueRule.AboveMax, value, input.Max) : null;
    }

    /// <summary>Parses a text cell into the input's value. Empty text means missing and is handled by the caller.</summary>
    public static ValueProblem? TryParse(CompiledInput input, ReadOnlySpan<char> text, out double value, out ulong members)
    {
        value = double.NaN;
        members = 0;
        switch (input.Type)
        {
            case InputType.Boolean:
                if (TryParseBoolean(text, out var flag))
                {
                    value = flag ? 1 : 0;
                    return null;
                }

                return new(ValueRule.NotBoolean, Text: Shorten(text));
            case InputType.Enum:
                var index = IndexOf(input.Domain!, text);
                if (index < 0)
                {
                    return new(ValueRule.NotAnOption, Text: Shorten(text));
                }

                value = index;
                return null;
            case InputType.Codes:
                foreach (var range in text.Split(';'))
                {
                    var code = text[range].Trim();
                    if (code.IsEmpty)
                    {
                        continue;
                    }

                    var bit = IndexOf(input.Domain!, code);
                    if (bit < 0)
                    {
                        return new(ValueRule.NotAnOption, Text: Shorten(code));
                    }

                    members |= 1UL << bit;
                }

                value = 1;
                return null;
            default:
                if (!FastNumber.TryParse(text, out value))
                {
                    return new(ValueRule.NotANumber, Text: Shorten(text));
                }

                return CheckNumber(input, value);
        }
    }

    public static bool TryParseBoolean(ReadOnlySpan<char> text, out bool value)
    {
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("1"))
        {
            value = true;
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("0"))
        {
            value = false;
            return true;
        }

        value = false;
        return false;
    }

    public static int IndexOf(Domain domain, ReadOnlySpan<char> text)
    {
        // Exact matches are the rule in registries; the case-insensitive pass only runs for the odd "RND".
        var values = domain.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (text.SequenceEqual(values[i]))
            {
                return i;
            }
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (text.Equals(values[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    public static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Quotes user text back without echoing a megabyte of it.</summary>
    public static string Shorten(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : string.Concat(text[..37], "...");
}
