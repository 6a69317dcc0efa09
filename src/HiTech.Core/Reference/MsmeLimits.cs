namespace HiTech.Core.Reference;

/// <summary>One edition of the MSME limits, in rupees: investment in plant and machinery, and annual turnover.</summary>
public sealed record MsmeLimits(
    DateOnly EffectiveFrom,
    string Source,
    decimal MicroInvestment,
    decimal MicroTurnover,
    decimal SmallInvestment,
    decimal SmallTurnover,
    decimal MediumInvestment,
    decimal MediumTurnover);
