using HiTech.Core.Frameworks;

namespace HiTech.Core.Scoring;

/// <summary>The rule of an input that a value breaks.</summary>
public enum ValueRule
{
    Required,
    NotFinite,
    NotWhole,
    Negative,
    BelowMin,
    AboveMax,
    NotBoolean,
    NotAnOption,
    NotAList,
    NotANumber,
}

/// <summary>
/// Why an input refuses a value, as data: the rule, the value, the bound it breaks and the text given (shortened),
/// where they apply. Hosts word it in their user's language; <see cref="Describe"/> is the English of registry
/// rejects and the CLI.
/// </summary>
public readonly record struct ValueProblem(ValueRule Rule, double Value = double.NaN, double Bound = double.NaN, string? Text = null)
{
    public string Describe(CompiledInput input) => Rule switch
    {
        ValueRule.Required => "is required but was not given",
        ValueRule.NotFinite => "must be a finite number",
        ValueRule.NotWhole => $"must be a whole number, not {InputRules.Format(Value)}",
        ValueRule.Negative => $"cannot be negative ({InputRules.Format(Value)})",
        ValueRule.BelowMin => $"must be at least {InputRules.Format(Bound)}, not {InputRules.Format(Value)}",
        ValueRule.AboveMax => $"must be at most {InputRules.Format(Bound)}, not {InputRules.Format(Value)}",
        ValueRule.NotBoolean => Text is null ? "must be true or false" : $"must be true or false (also yes/no, 1/0), not '{Text}'",
        ValueRule.NotAnOption => Text is null ? $"must be one of: {Options(input)}" : $"'{Text}' is not one of: {Options(input)}",
        ValueRule.NotAList => $"must be a list of: {Options(input)}",
        _ => Text is null ? "must be a number" : $"'{Text}' is not a number (write digits with a '.' for decimals, no thousands separators)",
    };

    private static string Options(CompiledInput input) => string.Join(", ", input.Domain!.Values);
}
