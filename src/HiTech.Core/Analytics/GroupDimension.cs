namespace HiTech.Core.Analytics;

/// <summary>What enterprises can be grouped by; the names are the CLI's <c>--by</c> values and the tables' <c>group_by</c>.</summary>
public enum GroupDimension
{
    State,
    District,
    Division,
    Sector,
    Size,
    Tier,
    Year,
}

public static class GroupDimensions
{
    /// <summary>The state's one group: Kerala.</summary>
    public const string Kerala = "kerala";

    /// <summary>The group of enterprises whose district is not known.</summary>
    public const string UnknownDistrict = "unknown";

    /// <summary>The group of enterprises whose primary activity is in no priority sector.</summary>
    public const string NoSector = "none";

    public static string Name(this GroupDimension dimension) => dimension.ToString().ToLowerInvariant();

    public static bool TryParse(string text, out GroupDimension dimension)
    {
        foreach (var candidate in Enum.GetValues<GroupDimension>())
        {
            if (string.Equals(candidate.Name(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                dimension = candidate;
                return true;
            }
        }

        dimension = default;
        return false;
    }

    /// <summary>The group an enterprise falls in.</summary>
    public static string KeyOf(this GroupDimension dimension, EnterpriseFacts facts) => dimension switch
    {
        GroupDimension.State => Kerala,
        GroupDimension.District => facts.DistrictId ?? UnknownDistrict,
        GroupDimension.Division => facts.NicDivision,
        GroupDimension.Sector => facts.SectorId ?? NoSector,
        GroupDimension.Size => facts.SizeClass,
        GroupDimension.Tier => facts.TierId,
        GroupDimension.Year => facts.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };
}
