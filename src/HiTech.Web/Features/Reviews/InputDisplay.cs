using System.Globalization;
using HiTech.Core.Scoring;

namespace HiTech.Web.Features.Reviews;

/// <summary>How an input's stored value reads to an assessor, and how a corrected value is parsed.</summary>
public static class InputDisplay
{
    /// <summary>The value as a person reads it: money with the rupee sign, yes/no, option labels.</summary>
    public static string Value(CompiledFramework framework, CompiledInput? input, AssessmentInput row, string language, Func<string, string> words)
    {
        if (row.Number is null && row.Flag is null && row.Text is null)
        {
            return words("Not given");
        }

        return input?.Type switch
        {
            InputType.Money => Fmt.Money(row.Number),
            InputType.Ratio => row.Number is { } r ? Fmt.Percent((double)r, 1) : "",
            InputType.Count or InputType.Number => Fmt.Number(row.Number, row.Number is { } n && n != decimal.Truncate(n) ? 2 : 0),
            InputType.Boolean => row.Flag is true ? words("Yes") : row.Flag is false ? words("No") : "",
            InputType.Enum or InputType.Codes => string.Join(", ", AssessmentCodes(row.Text).Select(v => Label(framework, input, v, language))),
            _ => row.Number is { } d ? d.ToString(CultureInfo.InvariantCulture) : row.Flag?.ToString() ?? row.Text ?? "",
        };
    }

    /// <summary>
    /// The value as typed into a correction field, in the unit the page shows: rupees in Indian grouping (the field
    /// has ₹ before it), a ratio as a percentage (the field has % after it), yes or no, option ids.
    /// </summary>
    public static string Editable(CompiledInput? input, AssessmentInput row) => row.Number is { } n
        ? input?.Type switch
        {
            InputType.Money => MoneyText.FormatDigits(n),
            InputType.Ratio => (n * 100).ToString("0.##", CultureInfo.InvariantCulture),
            _ => n.ToString("0.######", CultureInfo.InvariantCulture),
        }
        : row.Flag is { } f ? (f ? "yes" : "no") : row.Text ?? "";

    public static string Label(CompiledFramework framework, CompiledInput? input, string value, string language)
    {
        var domain = input?.Definition.Domain is { } id ? framework.Definition.Domains.FirstOrDefault(d => d.Id == id) : null;
        return domain is not null && domain.Labels.TryGetValue(value, out var label) ? label.In(language) : value;
    }

    /// <summary>
    /// Parses a corrected value for this input into the stored columns; the engine's own rules decide what
    /// is acceptable (type, range, options). Returns the reason when it is not: in the user's language for
    /// numbers, the engine's English after "The corrected value" for options.
    /// </summary>
    public static (decimal? Number, bool? Flag, string? Text, string? Problem) Parse(CompiledInput input, string text, IStringLocalizer<ReviewsText> r)
    {
        text = text.Trim();
        switch (input.Type)
        {
            case InputType.Boolean:
                return InputRules.TryParseBoolean(text, out var flag) ? (null, flag, null, null) : (null, null, null, r["The corrected value {0}", "must be yes or no"]);
            case InputType.Enum:
                var index = InputRules.IndexOf(input.Domain!, text);
                return index < 0
                    ? (null, null, null, r["The corrected value {0}", $"must be one of: {string.Join(", ", input.Domain!.Values)}"])
                    : (null, null, input.Domain!.Values[index], null);
            case InputType.Codes:
                var codes = new List<string>();
                foreach (var code in AssessmentCodes(text))
                {
                    var bit = InputRules.IndexOf(input.Domain!, code);
                    if (bit < 0)
                    {
                        return (null, null, null, r["The corrected value {0}", $"'{InputRules.Shorten(code)}' is not one of: {string.Join(", ", input.Domain!.Values)}"]);
                    }

                    codes.Add(input.Domain!.Values[bit]);
                }

                return (null, null, string.Join(';', codes.Distinct(StringComparer.Ordinal)), null);
            default:
                return ParseNumber(input, text, r);
        }
    }

    /// <summary>
    /// A corrected number in the unit the page shows: money by the platform's one money reading (12,34,567, 12.5 lakh,
    /// 1.2 കോടി), a ratio as a percentage (12.5 means 0.125, "%" optional), then the engine's range rule.
    /// </summary>
    private static (decimal? Number, bool? Flag, string? Text, string? Problem) ParseNumber(CompiledInput input, string text, IStringLocalizer<ReviewsText> r)
    {
        decimal number;
        if (input.Type == InputType.Money)
        {
            var problem = MoneyText.TryParse(text, out number);
            if (problem != MoneyProblem.None)
            {
                return (null, null, null, problem switch
                {
                    MoneyProblem.Negative => r["The corrected value cannot be negative"],
                    MoneyProblem.Ambiguous => r["The corrected value can be read as more than one amount: write it like 12,34,567 or 12.5 lakh"],
                    _ => r["The corrected value must be an amount in rupees, like 12,34,567 or 12.5 lakh"],
                });
            }
        }
        else
        {
            var clean = text.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            if (input.Type == InputType.Ratio)
            {
                clean = clean.TrimEnd('%');
            }

            if (!decimal.TryParse(clean, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number) || Math.Abs(number) >= MoneyText.Largest)
            {
                return (null, null, null, input.Type == InputType.Ratio ? r["The corrected value must be a percentage, like 12.5"] : r["The corrected value must be a number, like 45.5"]);
            }

            if (input.Type == InputType.Ratio)
            {
                number /= 100m;
            }
        }

        return InputRules.CheckNumber(input, (double)number) switch
        {
            null => (number, null, null, null),
            { Rule: ValueRule.NotWhole } => (null, null, null, r["The corrected value must be a whole number"]),
            { Rule: ValueRule.Negative } => (null, null, null, r["The corrected value cannot be negative"]),
            _ => (null, null, null, r["The corrected value must be from {0} to {1}", Bound(input, input.Min), Bound(input, input.Max)]),
        };
    }

    /// <summary>A bound in the unit the page shows.</summary>
    private static string Bound(CompiledInput input, double bound) => !double.IsFinite(bound)
        ? "∞"
        : input.Type switch
        {
            InputType.Money => MoneyText.Format((decimal)bound),
            InputType.Ratio => (bound * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%",
            _ => bound.ToString("0.##", CultureInfo.InvariantCulture),
        };

    private static string[] AssessmentCodes(string? text) =>
        (text ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
