namespace HiTech.Core.Reference;

/// <summary>The Eurostat aggregate ids a rule may use, plus "mixed" for codes above class level.</summary>
internal static class EurostatIds
{
    public const string Mixed = "mixed";

    public static readonly string[] Rules =
    [
        "high-technology",
        "medium-high-technology",
        "medium-low-technology",
        "low-technology",
        "high-tech-knowledge-intensive-services",
        "knowledge-intensive-services",
        "less-knowledge-intensive-services",
        "not-classified",
    ];
}
