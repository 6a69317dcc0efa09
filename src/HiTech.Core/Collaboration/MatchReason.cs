using System.Collections.Immutable;

namespace HiTech.Core.Collaboration;

/// <summary>Why a provider ranks where it does: one code per part of the score that it earned (hosts word them).</summary>
public enum ReasonCode
{
    /// <summary>Declares the need's very NIC sub-class (value: the code).</summary>
    NicSubclass,

    /// <summary>Declares a code in the need's NIC class (value: the 4-digit class).</summary>
    NicClass,

    /// <summary>Value: the 3-digit group.</summary>
    NicGroup,

    /// <summary>Value: the 2-digit division.</summary>
    NicDivision,

    /// <summary>Offers the need's value-chain stage (value: the stage id).</summary>
    Stage,

    /// <summary>Holds a certification the need requires (value: the certification id); one reason per certification.</summary>
    Certified,

    /// <summary>In the need's district (value: the district id).</summary>
    SameDistrict,

    /// <summary>In a district bordering the need's (value: the provider's district id).</summary>
    NeighbouringDistrict,

    /// <summary>Elsewhere in Kerala (value: the provider's district id).</summary>
    ElsewhereInKerala,

    /// <summary>Outside Kerala, not serving remotely (no value).</summary>
    OutsideKerala,

    /// <summary>Serves remotely or all Kerala (value: the provider's district id, empty outside Kerala).</summary>
    Remote,

    /// <summary>Words of the need found in the provider's name or services (value: the need's words, space-separated).</summary>
    Words,

    /// <summary>Median days to a first answer (value: the days, invariant culture).</summary>
    AnswersWithin,

    /// <summary>Days since the profile was verified (value: whole days).</summary>
    VerifiedDaysAgo,
}

/// <summary>One reason, as data: a code and its value.</summary>
public readonly record struct MatchReason(ReasonCode Code, string Value = "");

/// <summary>A provider found for a need: its rank (from 1), score out of the weights' maximum, and reasons in a fixed order.</summary>
public sealed record ProviderMatch(int Rank, ProviderProfile Provider, double Score, ImmutableArray<MatchReason> Reasons);

/// <summary>A need found for a provider: its rank (from 1), the provider's score for it, and the reasons, as in <see cref="ProviderMatch"/>.</summary>
public sealed record NeedMatch(int Rank, Need Need, double Score, ImmutableArray<MatchReason> Reasons);
