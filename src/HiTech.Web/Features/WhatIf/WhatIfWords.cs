namespace HiTech.Web.Features.WhatIf;

/// <summary>The what-if's refusals in the user's language: a form's problems by their rule, and an unusable registry file.</summary>
public sealed class WhatIfWords(IStringLocalizer<WhatIfText> l)
{
    /// <summary>A problem of a form's change (Core's rule ids, with the values the sentence needs); the engine's own sentence for a rule without words here.</summary>
    public string Problem(FrameworkEditProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        string Value(int i) => i < problem.Values.Count ? problem.Values[i] : "";
        return problem.Rule switch
        {
            "not-a-number" => l["Enter a number for {0}, with digits and a point, for example 12.5", Value(0)],
            "unknown-gate" => l["Tier {0} cannot require {1}: the framework has no such gate", Value(0), Value(1)],
            "unknown-setting" => l["The version in force has no setting {0}", Value(0)],
            "bad-version" => l["Give the proposal a version of 1 to 32 letters, digits, dots, dashes or underscores, for example 2026.1"],
            "version-unchanged" => l["Give the proposal a version of its own: {0} is the version in force", Value(0)],
            "no-change" => l["Change at least one weight, threshold or gate"],
            "pillar-weights-sum" => l["The pillar weights add up to {0}; they must add up to 100", Value(0)],
            "indicator-weights-sum" => l["The indicator weights of pillar {0} add up to {1}; they must add up to 100", Value(0), Value(1)],
            "bad-weight" => l["The weight of {0} must be more than 0", Value(0)],
            "bad-range" => l["Tier {0} starts at {1}; a tier starts between 0 and 100", Value(0), Value(1)],
            "tier-order" => l["Tier {0} starts at {1}, above the tier listed before it; tiers go from the highest down", Value(0), Value(1)],
            "tier-overlap" => l["Tier {0} starts where the tier above it starts, so the tier above must require more gates", Value(0)],
            "tier-floor" => l["The lowest tier, {0}, must start at 0 and require no gate, so that every enterprise gets a tier", Value(0)],
            _ => l["The framework refuses this change ({0}): {1}", problem.Rule, problem.Message],
        };
    }

    /// <summary>Why an uploaded registry cannot be read: too-large, empty, not-a-table, unreadable.</summary>
    public string RegistryRefusal(string refusal) => refusal switch
    {
        "too-large" => l["The registry file is larger than {0} MB", WhatIfFiles.MaxRegistryBytes / (1024 * 1024)],
        "empty" => l["The registry file is empty"],
        "not-a-table" => l["The registry must be a CSV file (UTF-8 text) or an Excel workbook (.xlsx)"],
        _ => l["The registry file cannot be read; save it again as CSV (UTF-8) or .xlsx"],
    };
}
