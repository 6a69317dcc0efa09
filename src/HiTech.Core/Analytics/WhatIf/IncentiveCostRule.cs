using HiTech.Core.Maturity;
using HiTech.Core.Reference;

namespace HiTech.Core.Analytics.WhatIf;

/// <summary>
/// The estimated cost of the incentives that follow a change of tiers, as a ceiling (docs/what-if.md): an enterprise
/// that a proposal makes hi-tech (and the baseline did not) becomes a candidate for every confirmed scheme of
/// data/schemes open to its size class, and is counted at each scheme's per-unit maximum; an enterprise the proposal
/// stops counting as hi-tech takes the same amount off. Schemes marked uncertain, and those that state no per-unit
/// maximum in rupees, are not costed (they are listed as such). An enterprise of unknown size is not costed.
/// </summary>
public sealed class IncentiveCostRule(SchemeCatalog schemes)
{
    /// <summary>The numbers read as a scheme's maximum per unit, in this order: the size's own cap, then a flat cap.</summary>
    public static IReadOnlyList<string> CeilingNumbers { get; } = ["max_{size}_inr", "max_per_unit_inr", "investment_subsidy_max_inr"];

    /// <summary>The schemes costed: confirmed and stating a per-unit maximum for at least one size.</summary>
    public IReadOnlyList<Scheme> Costed { get; } = [.. schemes.Schemes.Where(s => !s.Uncertain && SizeClasses.All.Any(size => Ceiling(s, size) is not null))];

    /// <summary>The schemes left out of the estimate, and why: uncertain, or no per-unit maximum.</summary>
    public IReadOnlyList<Scheme> NotCosted { get; } = [.. schemes.Schemes.Where(s => s.Uncertain || SizeClasses.All.All(size => Ceiling(s, size) is null))];

    /// <summary>The ceiling per enterprise of a size class, over all costed schemes open to it; 0 for an unknown size.</summary>
    public decimal PerEnterprise(string sizeClass) => Costed.Sum(s => Ceiling(s, sizeClass) ?? 0m);

    /// <summary>A scheme's maximum per unit for a size class, or null when the scheme is not open to it or states none.</summary>
    public static decimal? Ceiling(Scheme scheme, string sizeClass)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        if (ToSize(sizeClass) is not { } size || !scheme.IsOpenTo(size))
        {
            return null;
        }

        foreach (var pattern in CeilingNumbers)
        {
            if (scheme.Number(pattern.Replace("{size}", sizeClass, StringComparison.Ordinal)) is { Unit: SchemeUnit.Inr } number)
            {
                return number.Value;
            }
        }

        return null;
    }

    private static MsmeSize? ToSize(string sizeClass) => sizeClass switch
    {
        SizeClasses.Micro => MsmeSize.Micro,
        SizeClasses.Small => MsmeSize.Small,
        SizeClasses.Medium => MsmeSize.Medium,
        SizeClasses.Large => MsmeSize.Large,
        _ => null,
    };
}
