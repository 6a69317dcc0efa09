using System.Globalization;
using System.Text;

namespace HiTech.Core.Scoring;

/// <summary>
/// Renders an <see cref="Explanation"/> as plain text a manager can read top to bottom: the result, what the
/// enterprise does, how each criterion added to the index, the gates, the evidence, and what it would take.
/// Framework texts follow <c>language</c> ("en" or "ml"); numbers are invariant with Indian grouping for money.
/// </summary>
public static class ExplanationText
{
    public static string Render(Explanation e, string language = "en")
    {
        var text = new StringBuilder();
        var name = e.EnterpriseName is null ? e.EnterpriseId : $"{e.EnterpriseName} ({e.EnterpriseId})";
        Line(text, name);
        Line(text, $"Framework {e.FrameworkId} version {e.FrameworkVersion}");
        Line(text);
        Line(text, $"Result: {e.Tier.Title.In(language)}, index {N(e.Index, 1)} of 100");
        if (e.Tier.Meaning.En.Length > 0)
        {
            Line(text, $"  {e.Tier.Meaning.In(language)}");
        }

        if (e.NextTier is { } next)
        {
            var gap = Math.Max(0, next.MinIndex - e.Index);
            var gates = next.Gates.Count == 0 ? "" : $" and passing {string.Join(", ", next.Gates.Select(g => GateName(e, g, language)))}";
            var distance = gap > 0 ? $"{N(gap, 1)} points to go" : "the index is already high enough";
            Line(text, $"  Next tier: {next.Title.In(language)}, from index {N(next.MinIndex, 0)}{gates} ({distance}).");
        }

        Line(text);
        Line(text, "What the enterprise does");
        foreach (var a in e.Activities)
        {
            Line(text, $"  {a.Code} {a.Title} ({N(a.Share * 100, 0)}% of revenue)");
            var sectors = a.PrioritySectors.Count == 0 ? "no Kerala priority sector" : $"Kerala priority sector: {string.Join(", ", a.PrioritySectors)}";
            Line(text, $"    ISIC {a.Isic4}; OECD R&D intensity {a.OecdGroup} ({a.OecdBasis}); Eurostat {a.EurostatGroup}; {sectors}");
            Line(text, $"    Value-chain stages: {(a.Stages.Count == 0 ? "not declared" : string.Join(", ", a.Stages))}");
            Line(text, a.HighValueAdded
                ? $"    High-value-added: yes. {string.Join(" ", a.Reasons.Select(r => Sentence(r.Explain.In(language))))}"
                : $"    High-value-added: no, {a.WhyNot}");
        }

        Line(text);
        Line(text, "How the index is made (pillar score x pillar weight = points)");
        foreach (var p in e.Pillars)
        {
            Line(text, $"  {p.Title.In(language)}: {N(p.Score, 1)} x {N(p.Weight, 0)}% = {N(p.Contribution, 2)} points");
            foreach (var i in p.Indicators)
            {
                var raw = i.Raw is { } r ? Value(r, i.Unit) : $"not given ({string.Join(", ", i.MissingInputs)})";
                var treatment = i.Treatment == "scored" ? "" : $" [{i.Treatment}]";
                Line(text, $"    - {i.Title.In(language)}: {raw}; score {N(i.Score, 1)}, weight {N(i.Weight, 1)}%, adds {N(i.Contribution, 2)}{treatment}");
            }
        }

        Line(text);
        Line(text, "Gates (conditions a tier needs whatever the index)");
        foreach (var g in e.Gates)
        {
            var missing = g.MissingInputs.Count == 0 ? "" : $" (not given: {string.Join(", ", g.MissingInputs)})";
            Line(text, $"  [{(g.Passed ? "passed" : "not met")}] {g.Title.In(language)}: {g.Explain.In(language)}{missing}");
        }

        Line(text);
        Line(text, "Evidence");
        foreach (var input in e.Inputs)
        {
            Line(text, $"  {input.Title.In(language)}: {input.Value ?? "not given"} ({input.Evidence})");
        }

        Line(text, e.Certification.CertifiableTier == e.Certification.ScoredTier
            ? $"  The evidence supports certifying this tier ({e.Certification.ScoredTierTitle.In(language)})."
            : $"  The evidence supports certifying {e.Certification.CertifiableTierTitle.In(language)}, not yet {e.Certification.ScoredTierTitle.In(language)}. Needed:");
        foreach (var gap in e.Certification.Gaps)
        {
            var title = e.Inputs.FirstOrDefault(i => i.Id == gap.Input)?.Title.In(language) ?? gap.Input;
            Line(text, $"    - {title}: {gap.Required} needed, now {gap.Actual}");
        }

        if (e.NextTier is { } target)
        {
            Line(text);
            Line(text, $"What it would take to reach {target.Title.In(language)}");
            PlanText.Render(text, e, language);
        }

        return text.ToString();
    }

    /// <summary>A gate by its title, marked when the enterprise does not meet it yet.</summary>
    internal static string GateName(Explanation e, string id, string language) =>
        e.Gates.FirstOrDefault(g => g.Id == id) is { } gate ? gate.Title.In(language) + (gate.Passed ? "" : " (not met)") : id;

    /// <summary>A criterion's value in its unit: ratios as percentages, yes/no as words, counts as plain numbers, scores out of 100.</summary>
    private static string Value(double raw, string unit)
    {
        var value = raw == 0 ? 0 : raw;
        return unit switch
        {
            "ratio" => (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%",
            "yes/no" => value != 0 ? "yes" : "no",
            "count" or "" => value.ToString("0.####", CultureInfo.InvariantCulture),
            "score" => value.ToString("0.####", CultureInfo.InvariantCulture) + " of 100",
            _ => value.ToString("0.####", CultureInfo.InvariantCulture) + " " + unit,
        };
    }

    private static string Sentence(string text) => text.Length == 0 || text.EndsWith('.') ? text : text + ".";

    internal static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');

    internal static string N(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
