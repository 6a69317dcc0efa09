using System.Globalization;
using HiTech.Core.Reference;
using HiTech.Core.Scoring;

namespace HiTech.Web.Features.Assessments;

/// <summary>
/// Reads a stored <see cref="Explanation"/> out in plain words in the user's language, for <c>_Explanation.cshtml</c>:
/// values in their units, "what it would take" as sentences, why an activity is or is not high-value-added.
/// Labels (certifications, stages) come from the framework version that made the result when this node has it
/// compiled; otherwise the stored ids are shown, so an old result always renders.
/// </summary>
public sealed class ExplanationWords(AssessmentWords words, FrameworkCache cache, ReferenceData reference)
{
    public AssessmentWords Words { get; } = words;

    private IStringLocalizer<AssessmentsText> L => Words.L;

    public static string In(LocalText? text) => AssessmentWords.In(text);

    /// <summary>"en" when a Malayalam page shows a framework text the framework has only in English (for the lang attribute), else null.</summary>
    public static string? LangOf(LocalText? text) => Language.Current == Language.Malayalam && string.IsNullOrEmpty(text?.Ml) ? Language.English : null;

    /// <summary>"en" on a Malayalam page for text that exists only in English (NIC titles), else null.</summary>
    public static string? EnglishOnly => Language.Current == Language.Malayalam ? Language.English : null;

    public CompiledFramework? FrameworkOf(Explanation e) => cache.TryGet(e.FrameworkId, e.FrameworkVersion, out var framework) ? framework : null;

    public static string Number(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The points still needed for the next tier's index threshold (0 when only gates stand in the way).</summary>
    public static double PointsToGo(Explanation e) => e.NextTier is { } next ? Math.Max(0, next.MinIndex - e.Index) : 0;

    /// <summary>The title of a gate by id, from the explanation itself.</summary>
    public static string GateTitle(Explanation e, string id) => e.Gates.FirstOrDefault(g => g.Id == id) is { } gate ? In(gate.Title) : id;

    /// <summary>The next tier's gates this enterprise does not pass yet.</summary>
    public static IReadOnlyList<GateOutcome> GatesToPass(Explanation e) =>
        e.NextTier is { } next ? [.. e.Gates.Where(g => !g.Passed && next.Gates.Contains(g.Id, StringComparer.Ordinal))] : [];

    /// <summary>A tier's title by id: the scored and next tiers are in the explanation; others from the framework when known.</summary>
    public string TierTitle(Explanation e, string id)
    {
        if (e.Tier.Id == id)
        {
            return In(e.Tier.Title);
        }

        if (e.NextTier?.Id == id)
        {
            return In(e.NextTier.Title);
        }

        return FrameworkOf(e)?.Tiers.FirstOrDefault(t => t.Id == id) is { } tier ? In(tier.Definition.Title) : id;
    }

    public string InputTitle(Explanation e, string id) => e.Inputs.FirstOrDefault(i => i.Id == id) is { } input ? In(input.Title) : id;

    /// <summary>A criterion's value in plain units: a percentage, a count, yes or no, a score out of 100, rupees.</summary>
    public string IndicatorValue(IndicatorOutcome indicator)
    {
        if (indicator.Raw is not { } raw)
        {
            return L["Not given"];
        }

        return indicator.Unit switch
        {
            "ratio" => AssessmentWords.Percent(raw),
            "count" => Number(raw, "0"),
            "yes/no" => raw != 0 ? L["Yes"] : L["No"],
            "score" => L["{0} out of 100", Number(raw)],
            "points" => L["{0} points", Number(raw, "0")],
            "inr" or "rupees" or "money" => IndianFormat.Rupees(raw),
            "times the sector median" => L["{0} times the sector median", Number(raw, "0.##")],
            "" => Number(raw, "0.##"),
            _ => $"{Number(raw, "0.##")} {indicator.Unit}",
        };
    }

    /// <summary>How a missing criterion was treated, in plain words.</summary>
    public string Treatment(Explanation e, IndicatorOutcome indicator)
    {
        if (indicator.Treatment == "scored")
        {
            return "";
        }

        var missing = string.Join(", ", indicator.MissingInputs.Select(i => InputTitle(e, i)));
        return indicator.Treatment.StartsWith("missing: left out", StringComparison.Ordinal)
            ? L["Not given ({0}), so it was left out and the other criteria of this area count for more.", missing]
            : L["Not given ({0}), so it scored 0.", missing];
    }

    /// <summary>An input's value as the explanation recorded it, with yes/no and code names in the user's language.</summary>
    public string InputValue(Explanation e, InputOutcome input)
    {
        if (input.Value is null)
        {
            return L["Not given"];
        }

        var framework = FrameworkOf(e);
        var domain = framework is not null && framework.InputsById.TryGetValue(input.Id, out var compiled) ? AssessmentWords.DomainId(compiled) : null;
        return input.Type switch
        {
            "boolean" => input.Value == "yes" ? L["Yes"] : input.Value == "no" ? L["No"] : input.Value,
            "enum" => AssessmentWords.Label(framework, domain, input.Value),
            "codes" => input.Value == "none" ? L["None"] : Labels(framework, domain, input.Value.Split(", ")),
            _ => input.Value,
        };
    }

    /// <summary>One change of a plan as a sentence, with its size in rupees or per cent: "Raise from ₹5,00,000 to ₹9,40,000 (₹4,40,000 more, +88%)".</summary>
    public string PlanChange(Explanation e, PlanChange change)
    {
        var framework = FrameworkOf(e);
        var domain = framework is not null && framework.InputsById.TryGetValue(change.Input, out var compiled) ? AssessmentWords.DomainId(compiled) : null;
        switch (change.Type)
        {
            case "codes":
                return L["Add {0}", Labels(framework, domain, change.AddedCodes)];
            case "boolean":
                return change.To?.GetValue<bool>() == true ? L["Get this in place"] : L["Change the answer to ‘no’"];
            case "enum":
                return L["Change it to {0}", AssessmentWords.Label(framework, domain, change.To?.GetValue<string>() ?? "")];
        }

        var to = PlanValue(change.Type, Core.Scoring.PlanChange.Number(change.To) ?? 0);
        if (change.From is null)
        {
            return L["Give {0} (not given now)", to];
        }

        var difference = change.Difference ?? 0;
        var from = PlanValue(change.Type, Core.Scoring.PlanChange.Number(change.From) ?? 0);
        var size = change.Type == "ratio" ? L["{0} percentage points", Number((double)Math.Abs(difference) * 100)].Value : PlanValue(change.Type, Math.Abs(difference));
        return (difference >= 0, change.PercentChange) switch
        {
            (true, { } percent) => L["Raise from {0} to {1} ({2} more, +{3}%)", from, to, size, Number((double)percent, "0")],
            (true, null) => L["Raise from {0} to {1} ({2} more)", from, to, size],
            (false, { } percent) => L["Lower from {0} to {1} ({2} less, {3}%)", from, to, size, Number((double)percent, "0")],
            _ => L["Lower from {0} to {1} ({2} less)", from, to, size],
        };
    }

    /// <summary>A plan's value in its unit: rupees with Indian grouping, a share as a percentage, a count or score.</summary>
    private static string PlanValue(string type, decimal value) => type switch
    {
        "money" => IndianFormat.Rupees(value),
        "ratio" => AssessmentWords.Percent((double)value),
        _ => Number((double)value, "0.##"),
    };

    /// <summary>The schemes of a change in the user's language.</summary>
    public static string Schemes(PlanChange change) => string.Join("; ", change.Schemes.Select(s => In(s.Name)));

    /// <summary>Why an activity is not high-value-added, from its facts rather than the engine's English note.</summary>
    public string WhyNot(Explanation e, ActivityOutcome activity)
    {
        var framework = FrameworkOf(e);
        return activity.Stages.Count == 0
            ? L["None of the framework’s rules fits: the industry’s R&D intensity is {0}, and no value-chain stages are declared for this activity. Declaring the stages you work in, such as design or testing, may change this.", OecdGroup(activity.OecdGroup)]
            : L["None of the framework’s rules fits: the industry’s R&D intensity is {0}, and the stages declared are: {1}.", OecdGroup(activity.OecdGroup), Labels(framework, framework?.StageDomain.Id, activity.Stages)];
    }

    public string OecdGroup(string id) => id switch
    {
        "high" => L["high"],
        "medium-high" => L["medium-high"],
        "medium" => L["medium"],
        "medium-low" => L["medium-low"],
        "low" => L["low"],
        _ => id,
    };

    public string Sectors(ActivityOutcome activity) => string.Join(", ", activity.PrioritySectors.Select(id =>
        reference.PrioritySectors.All.FirstOrDefault(s => s.Id == id) is { } sector
            ? Language.Current == Language.Malayalam && sector.NameMl.Length > 0 ? sector.NameMl : sector.Name
            : id));

    public string StageList(Explanation e, ActivityOutcome activity)
    {
        var framework = FrameworkOf(e);
        return activity.Stages.Count == 0 ? L["none declared"] : Labels(framework, framework?.StageDomain.Id, activity.Stages);
    }

    /// <summary>The evidence level needed or held, in plain words.</summary>
    public string Evidence(string level) => Words.Evidence(level);

    private static string Labels(CompiledFramework? framework, string? domain, IEnumerable<string> values, string separator = ", ") =>
        string.Join(separator == ", " ? separator : $" {separator} ", values.Select(v => AssessmentWords.Label(framework, domain, v.Trim())));
}
