using System.Collections.Immutable;

namespace HiTech.Core.Reference;

/// <summary>The Eurostat technology and knowledge-intensity aggregates an activity can fall in (data/classifications/eurostat-technology.csv).</summary>
public static class EurostatGroups
{
    /// <summary>The group of a code above class level whose classes fall in different groups; never a rule's group.</summary>
    public const string Mixed = "mixed";

    public static readonly ImmutableArray<string> Ids =
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

    public static int IndexOf(string id)
    {
        var index = Ids.IndexOf(id, StringComparer.Ordinal);
        return index < 0 ? Ids.Length - 1 : index;
    }
}
