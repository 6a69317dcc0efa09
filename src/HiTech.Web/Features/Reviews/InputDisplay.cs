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

    /// <summary>The value as typed into a correction field (invariant, unformatted).</summary>
    public static string Editable(AssessmentInput row) =>
        row.Number is { } n ? n.ToString("0.######", CultureInfo.InvariantCulture) : row.Flag is { } f ? (f ? "yes" : "no") : row.Text ?? "";

    public static string Label(CompiledFramework framework, CompiledInput? input, string value, string language)
    {
        var domain = input?.Definition.Domain is { } id ? framework.Definition.Domains.FirstOrDefault(d => d.Id == id) : null;
        return domain is not null && domain.Labels.TryGetValue(value, out var label) ? label.In(language) : value;
    }

    /// <summary>
    /// Parses a corrected value for this input into the stored columns; the engine's own rules decide what
    /// is acceptable (type, range, options). Returns the reason in English when it is not.
    /// </summary>
    public static (decimal? Number, bool? Flag, string? Text, string? Problem) Parse(CompiledInput input, string text)
    {
        text = text.Trim();
        switch (input.Type)
        {
            case InputType.Boolean:
                return InputRules.TryParseBoolean(text, out var flag) ? (null, flag, null, null) : (null, null, null, "must be yes or no");
            case InputType.Enum:
                var index = InputRules.IndexOf(input.Domain!, text);
                return index < 0
                    ? (null, null, null, $"must be one of: {string.Join(", ", input.Domain!.Values)}")
                    : (null, null, input.Domain!.Values[index], null);
            case InputType.Codes:
                var codes = new List<string>();
                foreach (var code in AssessmentCodes(text))
                {
                    var bit = InputRules.IndexOf(input.Domain!, code);
                    if (bit < 0)
                    {
                        return (null, null, null, $"'{InputRules.Shorten(code)}' is not one of: {string.Join(", ", input.Domain!.Values)}");
                    }

                    codes.Add(input.Domain!.Values[bit]);
                }

                return (null, null, string.Join(';', codes.Distinct(StringComparer.Ordinal)), null);
            default:
                // People write 12,34,567 or ₹ 12,34,567: the separators and the sign carry no meaning here.
                var clean = new string([.. text.Where(c => c is not (',' or '₹' or ' ' or '\u00A0'))]);
                var problem = InputRules.TryParse(input, clean, out _, out _);
                return problem is null && decimal.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? (number, null, null, null)
                    : (null, null, null, problem?.Describe(input) ?? "must be a number");
        }
    }

    private static string[] AssessmentCodes(string? text) =>
        (text ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
