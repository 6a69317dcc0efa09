using System.Collections.Immutable;

namespace HiTech.Core.Collaboration;

/// <summary>
/// What a provider can do, in the framework's vocabulary: the ids of <see cref="CollaborationData"/>. Lists hold ids
/// (NIC codes at any level, 2 to 5 digits). Optional facts (responsiveness, last verification) are null when unknown,
/// and the ranking then treats them as neutral.
/// </summary>
public sealed record ProviderProfile
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>A provider kind id (<see cref="CollaborationData.Kinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>A district id, or null for a provider outside Kerala.</summary>
    public string? DistrictId { get; init; }

    /// <summary>Serves remotely (or all Kerala): counts as near wherever the need is.</summary>
    public bool Remote { get; init; }

    public ImmutableArray<string> NicCodes { get; init; } = [];

    public ImmutableArray<string> Stages { get; init; } = [];

    public ImmutableArray<string> Certifications { get; init; } = [];

    public ImmutableArray<string> Technologies { get; init; } = [];

    /// <summary>ISO 639-1 codes of the languages the provider works in (en, ml ...).</summary>
    public ImmutableArray<string> Languages { get; init; } = [];

    /// <summary>Free text of services, in English and/or Malayalam; searched with the name.</summary>
    public string Services { get; init; } = "";

    /// <summary>The last day the profile may be matched (12 months after verification unless confirmed).</summary>
    public required DateOnly ExpiresOn { get; init; }

    /// <summary>Checked by an admin or partnerships officer; an unverified profile is never matched.</summary>
    public bool Verified { get; init; } = true;

    public DateOnly? VerifiedOn { get; init; }

    /// <summary>The working days within which the provider promises a first answer (default 5 when not stated).</summary>
    public int? ResponseDays { get; init; }

    /// <summary>The measured median days to a first answer, once known.</summary>
    public double? MedianResponseDays { get; init; }
}

/// <summary>What an enterprise is looking for, as matched against providers.</summary>
public sealed record Need
{
    public required string Id { get; init; }

    /// <summary>The enterprise's district id, or null when it does not matter.</summary>
    public string? DistrictId { get; init; }

    /// <summary>Acceptable provider kind ids; empty for any.</summary>
    public ImmutableArray<string> Kinds { get; init; } = [];

    /// <summary>The activity, NIC 2008 at any level (2 to 5 digits).</summary>
    public required string NicCode { get; init; }

    /// <summary>A value-chain stage id, or null for any.</summary>
    public string? Stage { get; init; }

    /// <summary>Certifications a provider must all hold.</summary>
    public ImmutableArray<string> Certifications { get; init; } = [];

    public string Text { get; init; } = "";

    /// <summary>The day expiry is judged against: a profile expiring before it is never matched.</summary>
    public required DateOnly AsOf { get; init; }
}
