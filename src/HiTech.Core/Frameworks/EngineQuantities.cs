using System.Collections.Immutable;
using HiTech.Core.Expressions;
using HiTech.Core.Reference;

namespace HiTech.Core.Frameworks;

/// <summary>
/// Names the engine computes from an enterprise's activities, readable by any framework expression.
/// Their order is their slot order after the inputs.
/// </summary>
public static class EngineQuantities
{
    public static readonly Domain OecdDomain = new("oecd_group", [.. OecdGroups.Ids], Ordered: true);

    public static readonly ImmutableArray<(string Name, ExprType Type, string Meaning)> All =
    [
        ("share_high", ExprType.Number, "share of revenue (0-1) from activities in the OECD high R&D-intensity group"),
        ("share_medium_high", ExprType.Number, "share of revenue from medium-high R&D-intensity activities"),
        ("share_medium", ExprType.Number, "share of revenue from medium R&D-intensity activities"),
        ("share_medium_low", ExprType.Number, "share of revenue from medium-low R&D-intensity activities"),
        ("share_low", ExprType.Number, "share of revenue from low R&D-intensity activities"),
        ("primary_oecd_group", new ExprType(TypeKind.Enum, OecdDomain), "OECD group of the activity with the largest share"),
        ("primary_division", ExprType.Number, "NIC 2-digit division of the activity with the largest share"),
        ("hva_share", ExprType.Number, "share of revenue from activities that meet a high-value-added rule"),
        ("hva_count", ExprType.Number, "number of activities that meet a high-value-added rule"),
        ("activity_count", ExprType.Number, "number of activities declared"),
        ("priority_share", ExprType.Number, "share of revenue from activities in a Kerala priority sector"),
    ];

    public const int ShareHigh = 0;
    public const int PrimaryOecdGroup = 5;
    public const int PrimaryDivision = 6;
    public const int HvaShare = 7;
    public const int HvaCount = 8;
    public const int ActivityCount = 9;
    public const int PriorityShare = 10;
}

/// <summary>Names a high-value-added activity rule reads about one activity.</summary>
public static class ActivityQuantities
{
    public const int OecdGroup = 0;
    public const int EurostatGroup = 1;
    public const int Share = 2;
    public const int Division = 3;
    public const int Priority = 4;
    public const int ValueCount = 5;
    public const int StagesSet = 0;
    public const int SectorsSet = 1;
    public const int SetCount = 2;

    public static readonly Domain EurostatDomain = new("eurostat_group", EurostatGroups.Ids, Ordered: false);
}
