using System.Collections.Immutable;
using HiTech.Core.Collaboration;
using CoreNeed = HiTech.Core.Collaboration.Need;
using Need = HiTech.Web.Data.Entities.Need;

namespace HiTech.Web.Kernel;

/// <summary>
/// Stored providers and needs in the matching engine's terms. Ids the vocabulary does not know (a certification a new
/// framework version dropped, a kind the department removed) are left out rather than stopping every match.
/// </summary>
public static class MatchingProfiles
{
    /// <summary>The provider as the engine sees it: matched only while <see cref="ProviderStatus.Verified"/>, with the public median from its figures.</summary>
    public static ProviderProfile? Of(Provider provider, ProviderFigures? figures, CollaborationData data)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Kinds.IndexOf(provider.Kind) < 0)
        {
            return null;
        }

        return new ProviderProfile
        {
            Id = provider.Id.ToString(),
            Name = provider.Name,
            Kind = provider.Kind,
            DistrictId = DistrictId(data, provider.District),
            Remote = provider.Remote,
            NicCodes = [.. Ids(provider.NicCodes).Where(c => c.Length is >= 2 and <= 5 && c.All(char.IsAsciiDigit))],
            Stages = Known(data.Stages, provider.Stages),
            Certifications = Known(data.Certifications, provider.Certifications),
            Technologies = Known(data.Technologies, provider.Technologies),
            Languages = Ids(provider.Languages),
            Services = string.Join(' ', provider.ServicesEn, provider.ServicesMl, provider.Skills),
            ExpiresOn = provider.ExpiresOn ?? DateOnly.MinValue,
            Verified = provider.Status == ProviderStatus.Verified,
            VerifiedOn = provider.VerifiedOn,
            ResponseDays = provider.ResponseDays,
            MedianResponseDays = figures?.MedianResponseDays,
        };
    }

    /// <summary>
    /// The need as the engine sees it, judged on <paramref name="asOf"/>. Only the public summary is matched as text:
    /// the words found are shown to providers as a reason, and the private details are not theirs to see.
    /// </summary>
    public static CoreNeed Of(Need need, CollaborationData data, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentNullException.ThrowIfNull(data);
        return new CoreNeed
        {
            Id = need.Id.ToString(),
            DistrictId = DistrictId(data, need.District),
            Kinds = Known(data.Kinds, need.ProviderKinds),
            NicCode = need.NicCode,
            Stage = need.Stage.Length > 0 && data.Stages.IndexOf(need.Stage) >= 0 ? need.Stage : null,
            Certifications = Known(data.Certifications, need.Certifications),
            Text = need.Summary,
            AsOf = asOf,
        };
    }

    /// <summary>A ';'-separated list of ids, trimmed, without empties or repeats.</summary>
    public static ImmutableArray<string> Ids(string list) =>
        [.. list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private static ImmutableArray<string> Known(Vocabulary vocabulary, string list) => [.. Ids(list).Where(id => vocabulary.IndexOf(id) >= 0)];

    private static string? DistrictId(CollaborationData data, string district) =>
        district.Length > 0 && data.Districts.TryResolve(district, out var found) ? found.Id : null;
}
