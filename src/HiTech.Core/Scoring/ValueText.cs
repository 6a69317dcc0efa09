using System.Globalization;
using HiTech.Core.Frameworks;

namespace HiTech.Core.Scoring;

/// <summary>How input values read in explanations: rupees with Indian grouping, percentages for ratios, names for codes.</summary>
public static class ValueText
{
    public static string Of(CompiledInput input, double value, ulong members) => input.Type switch
    {
        InputType.Money => IndianFormat.Rupees(value),
        InputType.Count => value.ToString("0", CultureInfo.InvariantCulture),
        InputType.Ratio => (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%",
        InputType.Boolean => value != 0 ? "yes" : "no",
        InputType.Enum => input.Domain!.Values[(int)value],
        InputType.Codes => members == 0 ? "none" : string.Join(", ", Members(input, members)),
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    public static IEnumerable<string> Members(CompiledInput input, ulong members)
    {
        var values = input.Domain!.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if ((members & (1UL << i)) != 0)
            {
                yield return values[i];
            }
        }
    }

    public static string OfWorkspace(ScoringWorkspace workspace, CompiledInput input) =>
        workspace.IsMissing(input) ? "not given" : Of(input, workspace.Values[input.Slot], input.SetIndex >= 0 ? workspace.Sets[input.SetIndex] : 0);
}
