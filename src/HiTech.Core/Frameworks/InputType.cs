namespace HiTech.Core.Frameworks;

/// <summary>The kinds of value an enterprise supplies.</summary>
public enum InputType
{
    /// <summary>Indian rupees; stored as decimal outside scoring, read as a double inside it.</summary>
    Money,

    /// <summary>A whole number of things (staff, patents).</summary>
    Count,

    /// <summary>A share between 0 and 1.</summary>
    Ratio,

    /// <summary>Any other number, for example a 0-100 score.</summary>
    Number,
    Boolean,

    /// <summary>One value of a domain.</summary>
    Enum,

    /// <summary>Any number of values of a domain (a code list).</summary>
    Codes,
}

public static class InputTypes
{
    public static string ToId(InputType type) => type switch
    {
        InputType.Money => "money",
        InputType.Count => "count",
        InputType.Ratio => "ratio",
        InputType.Number => "number",
        InputType.Boolean => "boolean",
        InputType.Enum => "enum",
        _ => "codes",
    };

    public static bool TryParse(string id, out InputType type)
    {
        foreach (var candidate in Enum.GetValues<InputType>())
        {
            if (ToId(candidate) == id)
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    public static bool IsNumeric(InputType type) => type is InputType.Money or InputType.Count or InputType.Ratio or InputType.Number;
}

/// <summary>Which way "what it would take" may move an input: up, down, or not at all (a fact of the business, not a lever).</summary>
public enum InputLever
{
    Increase,
    Decrease,
    None,
}
