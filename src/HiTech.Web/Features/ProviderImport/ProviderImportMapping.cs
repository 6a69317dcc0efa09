using HiTech.Core.Collaboration;

namespace HiTech.Web.Features.ProviderImport;

/// <summary>
/// A row of a department list onto a provider's profile. Optional columns the file does not have leave what is stored
/// alone (a list without <c>website</c> does not erase websites); what the platform keeps of its own (equipment, contact,
/// the provider's account) is never touched.
/// </summary>
internal static class ProviderImportMapping
{
    public static void Apply(Provider provider, ProviderImportRow row, ColumnLayout layout, CollaborationData data, Guid officer, DateOnly today)
    {
        var profile = row.Profile;
        provider.Name = profile.Name;
        provider.Kind = profile.Kind;
        provider.District = profile.DistrictId is { } district ? data.Districts.All.First(d => d.Id == district).Name : "";
        provider.Remote = profile.Remote;
        provider.NicCodes = string.Join(';', profile.NicCodes);
        provider.Stages = string.Join(';', profile.Stages);
        provider.Certifications = string.Join(';', profile.Certifications);
        if (layout["technologies"] >= 0)
        {
            provider.Technologies = string.Join(';', profile.Technologies);
        }

        if (profile.Languages.Length > 0)
        {
            provider.Languages = string.Join(';', profile.Languages);
        }

        provider.ServicesEn = row.ServicesEn is { Length: > 0 } en ? en : profile.Services;
        provider.ServicesMl = row.ServicesMl ?? provider.ServicesMl;
        if (row.Website is not null)
        {
            provider.Website = row.Website.Length == 0 ? null : row.Website;
        }

        if (profile.ResponseDays is { } days)
        {
            provider.ResponseDays = Math.Max(1, days);
        }

        if (profile.Verified)
        {
            provider.Status = ProviderStatus.Verified;
            provider.VerifiedOn = profile.VerifiedOn ?? today;
            provider.VerifiedBy = officer;
            provider.ExpiresOn = profile.ExpiresOn;
        }
        else
        {
            // The department says it is not checked yet: it waits in the verification queue.
            provider.Status = ProviderStatus.Submitted;
            provider.VerifiedOn = null;
            provider.VerifiedBy = null;
            provider.ExpiresOn = null;
        }
    }

    /// <summary>What the audit trail keeps of a profile before and after an import.</summary>
    public static object Snapshot(Provider p) => new
    {
        p.Name,
        p.Kind,
        p.District,
        p.Remote,
        p.NicCodes,
        p.Stages,
        p.Certifications,
        p.Technologies,
        p.Languages,
        p.ServicesEn,
        p.ServicesMl,
        p.Website,
        p.ResponseDays,
        Status = p.Status.ToString(),
        p.VerifiedOn,
        p.ExpiresOn,
    };
}
