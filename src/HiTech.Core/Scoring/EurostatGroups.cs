using System.Collections.Immutable;

namespace HiTech.Core.Scoring;

/// <summary>The Eurostat technology and knowledge-intensity aggregates an activity can fall in (data/classifications/eurostat-technology.csv).</summary>
public static class EurostatGroups
{
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
