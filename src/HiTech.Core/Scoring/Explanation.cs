using HiTech.Core.Frameworks;

namespace HiTech.Core.Scoring;

/// <summary>
/// Everything behind one enterprise's result, in a form a manager can read and a program can check:
/// activities, each criterion, gates, evidence, certification and what it would take to reach the next tier.
/// </summary>
public sealed record Explanation(
    string FrameworkId,
    string FrameworkVersion,
    string EnterpriseId,
    string? EnterpriseName,
    double Index,
    TierOutcome Tier,
    TierOutcome? NextTier,
    IReadOnlyList<ActivityOutcome> Activities,
    IReadOnlyList<PillarOutcome> Pillars,
    IReadOnlyList<GateOutcome> Gates,
    IReadOnlyList<InputOutcome> Inputs,
    CertificationOutcome Certification,
    NextTierPlans? WhatItWouldTake);

public sealed record TierOutcome(string Id, LocalText Title, double MinIndex, LocalText Meaning, IReadOnlyList<string> Gates);

public sealed record ActivityOutcome(
    string Code,
    string Title,
    string? Isic4,
    string OecdGroup,
    string OecdBasis,
    string EurostatGroup,
    IReadOnlyList<string> PrioritySectors,
    double Share,
    IReadOnlyList<string> Stages,
    bool HighValueAdded,
    IReadOnlyList<RuleReason> Reasons,
    string? WhyNot);

public sealed record RuleReason(string Rule, LocalText Explain);

public sealed record PillarOutcome(string Id, LocalText Title, double Weight, double Score, double Contribution, IReadOnlyList<IndicatorOutcome> Indicators);

/// <summary>
/// One criterion: its raw value (null when missing), the 0-100 score, the weight it carried inside its pillar
/// and the points it added to the index. <see cref="Treatment"/> says how a missing value was handled.
/// </summary>
public sealed record IndicatorOutcome(
    string Id,
    LocalText Title,
    string Unit,
    double? Raw,
    IReadOnlyList<string> MissingInputs,
    double Score,
    double Weight,
    double Contribution,
    string Treatment,
    LocalText Explain);

public sealed record GateOutcome(string Id, LocalText Title, bool Passed, IReadOnlyList<string> MissingInputs, LocalText Explain);

public sealed record InputOutcome(string Id, LocalText Title, string Type, string? Value, string Evidence);

/// <summary>The tier the evidence supports, and which inputs would need stronger evidence for the scored tier.</summary>
public sealed record CertificationOutcome(string ScoredTier, LocalText ScoredTierTitle, string CertifiableTier, LocalText CertifiableTierTitle, IReadOnlyList<EvidenceGap> Gaps);

public sealed record EvidenceGap(string Tier, string Input, string Required, string Actual);

