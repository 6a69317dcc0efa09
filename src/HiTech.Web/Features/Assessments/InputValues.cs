using System.Globalization;
using System.Text.Json;
using HiTech.Core.Scoring;

namespace HiTech.Web.Features.Assessments;

/// <summary>An input's value as stored on <see cref="AssessmentInput"/>: one of the three columns, or none (not given).</summary>
public sealed record StoredValue(decimal? Number, bool? Flag, string? Text)
{
    public static readonly StoredValue Empty = new(null, null, null);

    public bool IsEmpty => Number is null && Flag is null && Text is null;

    public static StoredValue Of(AssessmentInput? row) => row is null ? Empty : new StoredValue(row.Number, row.Flag, row.Text);

    /// <summary>A plain object for audit entries and API answers.</summary>
    public object? ToPlain(CompiledInput input) => input.Type switch
    {
        _ when IsEmpty => null,
        InputType.Boolean => Flag,
        InputType.Enum => Text,
        InputType.Codes => AssessmentScoring.SplitCodes(Text ?? "").ToArray(),
        _ => Number,
    };
}

/// <summary>Why a typed value was refused; <see cref="AssessmentWords"/> words it in the user's language.</summary>
public enum InputProblem
{
    None,
    Required,
    NotANumber,
    NotWhole,
    Negative,
    OutOfRange,
    NotYesNo,
    NotAnOption,
    NoneAndOthers,

    /// <summary>An amount that could be read two ways ("12,34", "12.345").</summary>
    AmbiguousAmount,

    /// <summary>The framework version of the assessment asks no such question (API only).</summary>
    Unknown,
}

public readonly record struct ParsedInput(StoredValue Value, InputProblem Problem)
{
    public bool Ok => Problem == InputProblem.None;

    public static ParsedInput Of(StoredValue value) => new(value, InputProblem.None);

    public static ParsedInput Refused(InputProblem problem) => new(StoredValue.Empty, problem);
}

/// <summary>One input's value as received: form text, ticked checkboxes, or a JSON value from the API.</summary>
public sealed record InputEntry(string? Text = null, IReadOnlyList<string>? Choices = null, JsonElement? Json = null)
{
    public ParsedInput Parse(CompiledInput input) =>
        Json is { } json ? InputParser.FromJson(input, json)
        : Choices is { } choices ? InputParser.FromChoices(input, choices)
        : InputParser.FromText(input, Text);
}

/// <summary>
/// Reads what a person typed (or an API client sent) into an input's stored value, with the engine's own range
/// rules (<see cref="InputRules.CheckNumber"/>). Money is read by the one money reading
/// (<see cref="MoneyText"/>: "12,34,567", "₹ 5,00,000", "5 lakh", "2.5 കോടി"). Ratios are typed as percentages on the
/// pages (25 means 0.25).
/// </summary>
public static class InputParser
{
    /// <summary>The checkbox value meaning "none of these" for a code list: an answer, and an empty one.</summary>
    public const string NoneOfThese = "none";

    /// <summary>Largest magnitude stored (the database keeps 20 digits, 4 after the point).</summary>
    public const decimal Largest = 1_000_000_000_000_000m;

    /// <summary>Text from a form field. Empty text means "not given".</summary>
    public static ParsedInput FromText(CompiledInput input, string? text, bool ratioAsPercent = true)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return ParsedInput.Of(StoredValue.Empty);
        }

        switch (input.Type)
        {
            case InputType.Boolean:
                return InputRules.TryParseBoolean(trimmed, out var flag) ? ParsedInput.Of(new StoredValue(null, flag, null)) : ParsedInput.Refused(InputProblem.NotYesNo);
            case InputType.Enum:
                var index = InputRules.IndexOf(input.Domain!, trimmed);
                return index < 0 ? ParsedInput.Refused(InputProblem.NotAnOption) : ParsedInput.Of(new StoredValue(null, null, input.Domain!.Values[index]));
            case InputType.Codes:
                return FromChoices(input, trimmed.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            case InputType.Money:
                return MoneyText.TryParse(trimmed, out var amount) switch
                {
                    MoneyProblem.None => Check(input, amount),
                    MoneyProblem.Negative => ParsedInput.Refused(InputProblem.Negative),
                    MoneyProblem.Ambiguous => ParsedInput.Refused(InputProblem.AmbiguousAmount),
                    MoneyProblem.TooLarge => ParsedInput.Refused(InputProblem.OutOfRange),
                    _ => ParsedInput.Refused(InputProblem.NotANumber),
                };
            default:
                var percent = input.Type == InputType.Ratio && (ratioAsPercent || trimmed.EndsWith('%'));
                if (!TryParseNumber(trimmed, out var number))
                {
                    return ParsedInput.Refused(InputProblem.NotANumber);
                }

                return Check(input, percent ? number / 100m : number);
        }
    }

    /// <summary>Ticked checkboxes of a code list. Nothing ticked means "not given"; "none" alone means "none of these".</summary>
    public static ParsedInput FromChoices(CompiledInput input, IReadOnlyCollection<string> choices)
    {
        if (input.Type != InputType.Codes)
        {
            return FromText(input, choices.FirstOrDefault());
        }

        var picked = choices.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        if (picked.Count == 0)
        {
            return ParsedInput.Of(StoredValue.Empty);
        }

        var none = picked.Any(c => string.Equals(c, NoneOfThese, StringComparison.OrdinalIgnoreCase));
        var codes = picked.Where(c => !string.Equals(c, NoneOfThese, StringComparison.OrdinalIgnoreCase)).ToList();
        if (none)
        {
            return codes.Count == 0 ? ParsedInput.Of(new StoredValue(null, null, "")) : ParsedInput.Refused(InputProblem.NoneAndOthers);
        }

        var canonical = new List<string>();
        foreach (var code in codes)
        {
            var index = InputRules.IndexOf(input.Domain!, code);
            if (index < 0)
            {
                return ParsedInput.Refused(InputProblem.NotAnOption);
            }

            canonical.Add(input.Domain!.Values[index]);
        }

        // Stored in the domain's order, without repeats, so equal answers compare equal.
        var ordered = input.Domain!.Values.Where(v => canonical.Contains(v, StringComparer.Ordinal));
        return ParsedInput.Of(new StoredValue(null, null, AssessmentScoring.JoinCodes(ordered)));
    }

    /// <summary>A JSON value from the API: numbers (ratios as 0-1), true/false, a domain value, or an array of domain values; null clears.</summary>
    public static ParsedInput FromJson(CompiledInput input, JsonElement json)
    {
        if (json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return ParsedInput.Of(StoredValue.Empty);
        }

        switch (input.Type)
        {
            case InputType.Boolean:
                return json.ValueKind switch
                {
                    JsonValueKind.True => ParsedInput.Of(new StoredValue(null, true, null)),
                    JsonValueKind.False => ParsedInput.Of(new StoredValue(null, false, null)),
                    JsonValueKind.String => FromText(input, json.GetString()),
                    _ => ParsedInput.Refused(InputProblem.NotYesNo),
                };
            case InputType.Enum:
                return json.ValueKind == JsonValueKind.String ? FromText(input, json.GetString()) : ParsedInput.Refused(InputProblem.NotAnOption);
            case InputType.Codes:
                if (json.ValueKind == JsonValueKind.Array)
                {
                    var items = new List<string>();
                    foreach (var item in json.EnumerateArray())
                    {
                        if (item.ValueKind != JsonValueKind.String)
                        {
                            return ParsedInput.Refused(InputProblem.NotAnOption);
                        }

                        items.Add(item.GetString()!);
                    }

                    // An empty array is an answer: none of these.
                    return items.Count == 0 ? ParsedInput.Of(new StoredValue(null, null, "")) : FromChoices(input, items);
                }

                return json.ValueKind == JsonValueKind.String ? FromText(input, json.GetString()) : ParsedInput.Refused(InputProblem.NotAnOption);
            default:
                if (json.ValueKind == JsonValueKind.Number)
                {
                    return json.TryGetDecimal(out var number) ? Check(input, number) : ParsedInput.Refused(InputProblem.OutOfRange);
                }

                return json.ValueKind == JsonValueKind.String ? FromText(input, json.GetString(), ratioAsPercent: false) : ParsedInput.Refused(InputProblem.NotANumber);
        }
    }

    /// <summary>
    /// Reads a count, a percentage or a plain number: digits with an optional grouping comma and a "%" after a
    /// percentage. Money has its own reading (<see cref="MoneyText"/>).
    /// </summary>
    public static bool TryParseNumber(string text, out decimal value)
    {
        value = 0;
        var s = text.Trim().Replace('\u00A0', ' ').Replace('\u2212', '-');
        if (s.EndsWith('%'))
        {
            s = s[..^1];
        }

        s = s.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (s.Length == 0 || !decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        value = Math.Abs(parsed) >= Largest ? (parsed > 0 ? Largest : -Largest) : parsed;
        return true;
    }

    /// <summary>Checks a number with the engine's rule for the input, rounding to what the database keeps.</summary>
    public static ParsedInput Check(CompiledInput input, decimal value)
    {
        var rounded = Math.Round(value, input.Type == InputType.Money ? 2 : 4, MidpointRounding.AwayFromZero);
        if (Math.Abs(rounded) >= Largest)
        {
            return ParsedInput.Refused(InputProblem.OutOfRange);
        }

        return InputRules.CheckNumber(input, (double)rounded) is { } problem
            ? ParsedInput.Refused(AssessmentWords.ProblemOf(problem.Rule))
            : ParsedInput.Of(new StoredValue(rounded, null, null));
    }

    /// <summary>The text a form field shows for a stored value (no rupee sign: the field has it as a prefix).</summary>
    public static string FormText(CompiledInput input, StoredValue value)
    {
        switch (input.Type)
        {
            case InputType.Boolean:
                return value.Flag is { } flag ? (flag ? "yes" : "no") : "";
            case InputType.Enum:
            case InputType.Codes:
                return value.Text ?? "";
            default:
                if (value.Number is not { } number)
                {
                    return "";
                }

                return input.Type switch
                {
                    InputType.Money => MoneyText.FormatDigits(number),
                    InputType.Ratio => (number * 100).ToString("0.##", CultureInfo.InvariantCulture),
                    InputType.Count => number.ToString("0", CultureInfo.InvariantCulture),
                    _ => number.ToString("0.####", CultureInfo.InvariantCulture),
                };
        }
    }

    /// <summary>The ticked values of a code list field ("none" for an empty answer).</summary>
    public static IReadOnlyList<string> FormChoices(StoredValue value) =>
        value.Text is null ? [] : value.Text.Length == 0 ? [NoneOfThese] : [.. AssessmentScoring.SplitCodes(value.Text)];
}
