namespace HiTech.Core.Analytics;

/// <summary>
/// What the analytics know of one enterprise in one year: where it is, what it does, the tier it reached and its
/// figures. Built by <see cref="EnterpriseFactsBuilder"/> from the engine's own input and explanation, so registry
/// rows and approved assessments give the same facts. Money is INR; a null figure was not given.
/// </summary>
/// <remarks>
/// DistrictId is an id of data/reference/districts.csv (null when not given); NicDivision the 2-digit division of
/// the primary activity (the largest revenue share); SectorId its first priority sector, or null; SizeClass one of
/// <see cref="SizeClasses"/>; HiTech whether the tier counts as hi-tech (<see cref="HiTechTiers"/>); Status the
/// assessment status id, or <see cref="RegistryStatus"/>. ManufacturingValueAddedInr is the value added of the
/// activities in NIC divisions 10-33 and MhtValueAddedInr that of those among them whose OECD group is high or
/// medium-high (SDG 9.b.1's denominator and numerator), the value added being split by revenue shares.
/// DigitalMaturity is the 0-100 score the engine read; DmaDimensions the score per dimension when a maturity
/// assessment gave them.
/// </remarks>
public sealed record EnterpriseFacts(
    string EnterpriseId,
    int Year,
    string? DistrictId,
    string NicDivision,
    string? SectorId,
    string SizeClass,
    string TierId,
    bool HiTech,
    string FrameworkVersion,
    string Status,
    decimal? ValueAddedInr,
    decimal? ManufacturingValueAddedInr,
    decimal? MhtValueAddedInr,
    decimal? RdSpendInr,
    decimal? ExportsInr,
    decimal? TurnoverInr,
    int? Employees,
    int? RdStaff,
    int? StemStaff,
    int? ReturneeHires,
    double? DigitalMaturity,
    IReadOnlyDictionary<string, double>? DmaDimensions,
    int Certifications)
{
    /// <summary>The status of a row read from an imported registry rather than an assessment.</summary>
    public const string RegistryStatus = "registry";
}

/// <summary>The MSME size classes, smallest first (data/reference/msme-size-classes.yaml).</summary>
public static class SizeClasses
{
    public const string Micro = "micro";
    public const string Small = "small";
    public const string Medium = "medium";
    public const string Large = "large";

    public static IReadOnlyList<string> All { get; } = [Micro, Small, Medium, Large];
}
