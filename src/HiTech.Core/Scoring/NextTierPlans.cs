using System.Globalization;
using System.Text.Json.Nodes;
using HiTech.Core.Frameworks;

namespace HiTech.Core.Scoring;

/// <summary>
/// What it would take to reach <see cref="Target"/>: up to three alternative plans of at most three changes each,
/// cheapest effort first, each verified by scoring the changed enterprise again. <see cref="BlockingGates"/> are the
/// target tier's conditions not met today. With no plan, <see cref="Closest"/> says how near three changes come.
/// Null in an explanation stored before plans existed.
/// </summary>
public sealed record NextTierPlans(string Target, IReadOnlyList<string> BlockingGates, IReadOnlyList<NextTierPlan> Plans, NextTierPlan? Closest);

/// <summary>
/// A set of changes and the tier they reach (<see cref="Reaches"/>, with <see cref="Index"/>). Applying each change's
/// <c>to</c> to the enterprise file and explaining again gives exactly this tier. <see cref="GatesNotMet"/> lists the
/// target's conditions still unmet (only ever non-empty for the closest attempt). <see cref="Effort"/> is relative,
/// from the framework's levers.
/// </summary>
public sealed record NextTierPlan(string Reaches, double Index, double Effort, IReadOnlyList<string> GatesNotMet, IReadOnlyList<PlanChange> Changes);

/// <summary>
/// One change: the input, its value today (<see cref="From"/>, null when not given) and the value to reach
/// (<see cref="To"/>), both as the enterprise file writes them (rupees, a 0-1 share, a count, true/false, a list of
/// codes). <see cref="MeetsGates"/> are the blocking conditions this change meets on its own.
/// </summary>
public sealed record PlanChange(
    string Input,
    LocalText Title,
    string Type,
    JsonNode? From,
    JsonNode? To,
    IReadOnlyList<string> MeetsGates,
    double Effort,
    IReadOnlyList<PlanScheme> Schemes)
{
    /// <summary>The number a value holds (money, count, share or score), or null for yes/no, choices and codes.</summary>
    public static decimal? Number(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<decimal>(out var number) ? number : null;

    /// <summary>The codes a code-list value holds.</summary>
    public static IReadOnlyList<string> Codes(JsonNode? value) =>
        value is JsonArray array ? [.. array.Select(n => n?.GetValue<string>() ?? "")] : [];

    /// <summary>The codes <see cref="To"/> adds to <see cref="From"/>.</summary>
    public IReadOnlyList<string> AddedCodes => [.. Codes(To).Except(Codes(From), StringComparer.Ordinal)];

    /// <summary>The change in the input's own units, or null when it is not a number or was not given.</summary>
    public decimal? Difference => Number(To) - Number(From);

    /// <summary>The change as a percentage of today's value, or null when today's value is not a positive number.</summary>
    public decimal? PercentChange => Number(From) is > 0 and var from && Number(To) is { } to ? Math.Round((to - from) / from * 100, 0, MidpointRounding.AwayFromZero) : null;

    /// <summary>A value in plain English for the text explanation: ₹ with Indian grouping, shares as %, yes/no, code lists.</summary>
    public string Text(JsonNode? value) => value switch
    {
        null => "not given",
        JsonArray => Codes(value) is { Count: > 0 } codes ? string.Join(", ", codes) : "none",
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? "yes" : "no",
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => Type switch
        {
            "money" => IndianFormat.Rupees(Number(value) ?? 0),
            "ratio" => ((Number(value) ?? 0) * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%",
            _ => (Number(value) ?? 0).ToString("0.##", CultureInfo.InvariantCulture),
        },
    };
}

/// <summary>A support scheme from data/schemes that helps pay for a change.</summary>
public sealed record PlanScheme(string Id, LocalText Name);
