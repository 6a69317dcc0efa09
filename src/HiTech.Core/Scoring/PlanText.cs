using System.Globalization;
using System.Text;

namespace HiTech.Core.Scoring;

/// <summary>
/// "What it would take" in the text explanation: the blocking conditions first, then each plan with the size of each
/// change in rupees and per cent and the schemes that help, or what comes closest when no plan of three changes exists.
/// </summary>
internal static class PlanText
{
    public static void Render(StringBuilder text, Explanation e, string language)
    {
        if (e.WhatItWouldTake is not { } plans)
        {
            ExplanationText.Line(text, "  Not worked out for this result (it was computed before plans were part of explanations).");
            return;
        }

        if (plans.BlockingGates.Count > 0)
        {
            ExplanationText.Line(text, $"  First, the conditions not met yet: {string.Join(", ", plans.BlockingGates.Select(g => ExplanationText.GateName(e, g, language)))}.");
        }

        for (var p = 0; p < plans.Plans.Count; p++)
        {
            var plan = plans.Plans[p];
            ExplanationText.Line(text, $"  Plan {p + 1} (effort {ExplanationText.N(plan.Effort, 1)}): reaches {TierName(e, plan.Reaches, language)} with index {ExplanationText.N(plan.Index, 1)}");
            Changes(text, e, plan, language);
        }

        if (plans.Plans.Count == 0)
        {
            ExplanationText.Line(text, "  No plan of up to three changes reaches it.");
            if (plans.Closest is { } closest)
            {
                var shortBy = Math.Max(0, (e.NextTier?.MinIndex ?? 0) - closest.Index);
                var unmet = closest.GatesNotMet.Count == 0 ? "" : $"; conditions still not met: {string.Join(", ", closest.GatesNotMet.Select(g => ExplanationText.GateName(e, g, language)))}";
                ExplanationText.Line(text, $"  Closest: index {ExplanationText.N(closest.Index, 1)} ({ExplanationText.N(shortBy, 1)} points short{unmet}), with:");
                Changes(text, e, closest, language);
            }
        }
    }

    private static void Changes(StringBuilder text, Explanation e, NextTierPlan plan, string language)
    {
        foreach (var change in plan.Changes)
        {
            var meets = change.MeetsGates.Count == 0 ? "" : $" (meets {string.Join(", ", change.MeetsGates.Select(g => ExplanationText.GateName(e, g, language)))})";
            var help = change.Schemes.Count == 0 ? "" : $". Support: {string.Join("; ", change.Schemes.Select(s => s.Name.In(language)))}";
            ExplanationText.Line(text, $"    - {change.Title.In(language)}: {What(change)}{meets}{help}");
        }
    }

    /// <summary>The change in plain English: "raise from ₹2,00,000 to ₹5,40,000 (+₹3,40,000, +170%)", "add iso9001", "change to yes".</summary>
    public static string What(PlanChange change)
    {
        if (change.Type == "codes")
        {
            return $"add {string.Join(", ", change.AddedCodes)}";
        }

        if (change.Difference is not { } difference)
        {
            return change.From is null ? $"give {change.Text(change.To)}" : $"change from {change.Text(change.From)} to {change.Text(change.To)}";
        }

        var size = change.Type switch
        {
            "money" => IndianFormat.Rupees(Math.Abs(difference)),
            "ratio" => (Math.Abs(difference) * 100).ToString("0.#", CultureInfo.InvariantCulture) + " percentage points",
            _ => Math.Abs(difference).ToString("0.##", CultureInfo.InvariantCulture),
        };
        var percent = change.PercentChange is { } pc ? $", {(pc >= 0 ? "+" : "")}{pc.ToString("0", CultureInfo.InvariantCulture)}%" : "";
        return $"{(difference >= 0 ? "raise" : "lower")} from {change.Text(change.From)} to {change.Text(change.To)} ({(difference >= 0 ? "+" : "-")}{size}{percent})";
    }

    private static string TierName(Explanation e, string id, string language) =>
        e.NextTier?.Id == id ? e.NextTier.Title.In(language) : e.Tier.Id == id ? e.Tier.Title.In(language) : id;
}
