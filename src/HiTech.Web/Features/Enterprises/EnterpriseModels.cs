namespace HiTech.Web.Features.Enterprises;

/// <summary>
/// An organisation as the API returns it and the overview page shows it. District is the district's canonical
/// English name (e.g. Palakkad); RevenueSharePercentTotal is the activities' revenue shares added up, in percent;
/// SharesComplete is true when they add up to 100% (within rounding).
/// </summary>
public sealed record OrganisationView(
    Guid Id,
    string Name,
    string UdyamNumber,
    string? Gstin,
    string District,
    string Address,
    DateTimeOffset CreatedAt,
    int Version,
    IReadOnlyList<UnitView> Units,
    IReadOnlyList<ActivityView> Activities,
    decimal RevenueSharePercentTotal,
    bool SharesComplete);

/// <summary>An organisation in a list.</summary>
public sealed record OrganisationSummary(Guid Id, string Name, string UdyamNumber, string? Gstin, string District, int Version);

/// <summary>A unit with its MSME size class and the dated limits that gave it.</summary>
public sealed record UnitView(
    Guid Id,
    string Name,
    string District,
    string Address,
    decimal InvestmentInr,
    decimal TurnoverInr,
    string SizeClass,
    DateOnly SizeClassAsOf,
    SizeLimitsView Limits,
    int Version);

/// <summary>The MSME limits in force on a date, in rupees: a unit is in the smallest class whose two limits it does not exceed.</summary>
public sealed record SizeLimitsView(
    DateOnly EffectiveFrom,
    string Source,
    decimal MicroInvestmentInr,
    decimal MicroTurnoverInr,
    decimal SmallInvestmentInr,
    decimal SmallTurnoverInr,
    decimal MediumInvestmentInr,
    decimal MediumTurnoverInr);

/// <summary>
/// An activity: its NIC code and what the reference data says about it (Level: class or subclass; OecdGroup:
/// the OECD R&amp;D-intensity group id, low, medium-low, medium, medium-high or high; PrioritySectors: ids of the
/// Kerala priority sectors the code belongs to), its value-chain stages (ids from the framework's
/// value_chain_stage domain) and its share of revenue in percent.
/// </summary>
public sealed record ActivityView(
    Guid Id,
    string Classification,
    string Code,
    string Title,
    string Level,
    string? OecdGroup,
    string EurostatGroup,
    IReadOnlyList<string> PrioritySectors,
    IReadOnlyList<string> Stages,
    decimal RevenueSharePercent,
    int Version);

/// <summary>Registering an organisation with its main unit (whose figures give the MSME size class).</summary>
public sealed record RegistrationRequest(
    string? Name,
    string? UdyamNumber,
    string? Gstin,
    string? District,
    string? Address,
    decimal? InvestmentInr,
    decimal? TurnoverInr,
    string? UnitName = null);

/// <summary>Changing an organisation's details; <paramref name="Version"/> is the version read.</summary>
public sealed record OrganisationRequest(string? Name, string? UdyamNumber, string? Gstin, string? District, string? Address, int? Version);

/// <summary>Adding or changing a unit; <paramref name="Version"/> is needed to change one.</summary>
public sealed record UnitRequest(string? Name, string? District, string? Address, decimal? InvestmentInr, decimal? TurnoverInr, int? Version);

/// <summary>Adding or changing an activity. The code cannot change: remove the activity and add another.</summary>
public sealed record ActivityRequest(string? Code, IReadOnlyList<string>? Stages, decimal? RevenueSharePercent, int? Version);

/// <summary>What the audit log keeps of an organisation, before and after a change.</summary>
internal sealed record OrganisationSnapshot(Guid Id, string Name, string UdyamNumber, string? Gstin, string District, string Address, int Version)
{
    public static OrganisationSnapshot Of(Organisation o) => new(o.Id, o.Name, o.UdyamNumber, o.Gstin, o.District, o.Address, o.Version);
}

/// <summary>What the audit log keeps of a unit.</summary>
internal sealed record UnitSnapshot(Guid Id, Guid OrganisationId, string Name, string District, string Address, decimal InvestmentInr, decimal TurnoverInr, string SizeClass, DateOnly SizeClassAsOf, int Version)
{
    public static UnitSnapshot Of(Unit u) => new(u.Id, u.OrganisationId, u.Name, u.District, u.Address, u.InvestmentInr, u.TurnoverInr, u.SizeClass, u.SizeClassAsOf, u.Version);
}

/// <summary>What the audit log keeps of an activity.</summary>
internal sealed record ActivitySnapshot(Guid Id, Guid OrganisationId, string Classification, string Code, decimal RevenueShare, string Stages, int Version)
{
    public static ActivitySnapshot Of(Activity a) => new(a.Id, a.OrganisationId, a.Classification, a.Code, a.RevenueShare, a.Stages, a.Version);
}

/// <summary>What the size-class partial shows: the class, the date it was worked out and the limits in force then.</summary>
public sealed record SizeClassDisplay(string SizeClass, DateOnly AsOf, SizeLimitsView Limits)
{
    public static SizeClassDisplay Of(UnitView unit) => new(unit.SizeClass, unit.SizeClassAsOf, unit.Limits);
}
