namespace HiTech.Core.Analytics.WhatIf;

/// <summary>
/// What a proposed framework would change for a population, every figure already through disclosure control
/// (null where suppressed). <see cref="Movers"/>: the whole population (one row) by direction; <see cref="Transitions"/>:
/// rows are the baseline's tiers, columns the proposal's; the mover tables have the columns <see cref="WhatIfAnalysis.Directions"/>.
/// Each table is protected on its own (docs/what-if.md says what that leaves open).
/// </summary>
public sealed record WhatIfReport(
    string BaselineId,
    string BaselineVersion,
    string ProposalId,
    string ProposalVersion,
    int Scored,
    int Rejected,
    PublishedTable Movers,
    PublishedTable Transitions,
    PublishedTable ByDistrict,
    PublishedTable BySector,
    PublishedTable BySize,
    IReadOnlyList<IndicatorChange> Indicators,
    IncentiveCost Cost);

/// <summary>A headline indicator of the whole population under the baseline and under the proposal; null when suppressed or undefined.</summary>
public sealed record IndicatorChange(string Id, decimal? Before, decimal? After)
{
    public decimal? Change => Before is { } b && After is { } a ? a - b : null;
}

/// <summary>
/// The incentive cost ceiling by size class (<see cref="IncentiveCostRule"/>): <see cref="Enterprises"/> counts, per
/// size, those the proposal makes hi-tech (entering), stops counting as hi-tech (leaving) and leaves as they were.
/// </summary>
public sealed record IncentiveCost(
    PublishedTable Enterprises,
    IReadOnlyList<IncentiveCostRow> BySize,
    decimal? NetTotalInr,
    IReadOnlyList<string> CostedSchemes,
    IReadOnlyList<string> NotCostedSchemes);

/// <summary>One size class's ceiling: (entering - leaving) x the per-enterprise ceiling; null when a count is suppressed.</summary>
public sealed record IncentiveCostRow(string SizeClass, decimal PerEnterpriseInr, decimal? NetCostInr);
