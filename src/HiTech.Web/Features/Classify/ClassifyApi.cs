using System.Text.Json.Serialization;
using HiTech.Core.Reference;

namespace HiTech.Web.Features.Classify;

/// <summary>
/// GET /api/v1/classify/{code} and /api/v1/classify?q=words. NIC 2008 is public reference data, so these
/// endpoints are open to anyone, deliberately: the registration form's as-you-type search uses them too.
/// </summary>
public static class ClassifyApi
{
    public sealed record Classification(
        [property: JsonPropertyName("code")] string Code,
        [property: JsonPropertyName("level")] string Level,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("title_ml")] string? TitleMl,
        [property: JsonPropertyName("isic4")] string? Isic4,
        [property: JsonPropertyName("oecd_group")] string? OecdGroup,
        [property: JsonPropertyName("oecd_basis")] string OecdBasis,
        [property: JsonPropertyName("eurostat_group")] string EurostatGroup,
        [property: JsonPropertyName("priority_sectors")] IReadOnlyList<string> PrioritySectors);

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/classify").WithTags("Classification").AllowAnonymous();
        group.MapGet("/{code}", Get)
            .WithSummary("Classify a NIC 2008 code: ISIC Rev.4, OECD R&D-intensity group, Eurostat aggregate, Kerala priority sectors")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", Search).WithSummary("Find NIC 2008 codes by words or digits");
    }

    /// <summary>The code's facts; <c>title_ml</c> is null where no Malayalam title exists yet (data/classifications/nic2008-ml.csv).</summary>
    public static Classification ToClassification(NicEntry entry, NicMalayalamTitles malayalam) => new(
        entry.Code,
        entry.Level.ToString().ToLowerInvariant(),
        entry.Title,
        malayalam.TitleOf(entry.Code),
        entry.Isic4,
        entry.OecdGroup is { } g ? OecdGroups.ToId(g) : null,
        entry.OecdBasis,
        entry.EurostatGroup,
        entry.PrioritySectors);

    private static Results<Ok<Classification>, ProblemHttpResult> Get(string code, ReferenceData reference)
    {
        if (reference.Nic.Find(code) is { } entry)
        {
            return TypedResults.Ok(ToClassification(entry, reference.NicMalayalam));
        }

        var near = reference.Nic.SuggestNear(code, 5);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: $"'{code}' is not a NIC 2008 code.",
            detail: near.Count == 0 ? null : $"Near codes: {string.Join(", ", near.Select(n => $"{n.Code} {n.Title}"))}",
            extensions: new Dictionary<string, object?> { ["suggestions"] = near.Select(n => n.Code).ToArray() });
    }

    private static Ok<IReadOnlyList<Classification>> Search(string? q, ReferenceData reference, int? max) =>
        TypedResults.Ok<IReadOnlyList<Classification>>([.. reference.Nic.Search(q ?? "", Math.Clamp(max ?? 20, 1, 50)).Select(e => ToClassification(e, reference.NicMalayalam))]);
}
