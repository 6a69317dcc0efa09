namespace HiTech.Web.Features.Providers;

/// <summary>A provider's whole profile as its own users and the verifiers see it (the API's answer).</summary>
public sealed record ProviderView(
    Guid Id,
    string Name,
    string Kind,
    string District,
    bool Remote,
    IReadOnlyList<string> NicCodes,
    IReadOnlyList<string> Stages,
    IReadOnlyList<string> Certifications,
    IReadOnlyList<string> Technologies,
    IReadOnlyList<string> Languages,
    int? TrlFrom,
    int? TrlTo,
    int ResponseDays,
    string ServicesEn,
    string ServicesMl,
    string? Website,
    string? ContactEmail,
    string Skills,
    IReadOnlyList<string> Sectors,
    int? YearsAbroad,
    IReadOnlyList<string> Availability,
    IReadOnlyList<EquipmentView> Equipment,
    string Status,
    string RefusalReason,
    DateOnly? VerifiedOn,
    DateOnly? ExpiresOn,
    int Version)
{
    public static ProviderView Of(Provider p) => new(
        p.Id, p.Name, p.Kind, p.District, p.Remote, ProfileLists.Split(p.NicCodes), ProfileLists.Split(p.Stages),
        ProfileLists.Split(p.Certifications), ProfileLists.Split(p.Technologies), ProfileLists.Split(p.Languages), p.TrlFrom, p.TrlTo,
        p.ResponseDays, p.ServicesEn, p.ServicesMl, p.Website, p.ContactEmail, p.Skills, ProfileLists.Split(p.Sectors), p.YearsAbroad,
        ProfileLists.Split(p.Availability), [.. p.Equipment.Select(EquipmentView.Of)], p.Status.ToString(), p.RefusalReason,
        p.VerifiedOn, p.ExpiresOn, p.Version);
}

public sealed record EquipmentView(string Name, string Make, string Purpose, string BookingTerms, string FeeBand)
{
    public static EquipmentView Of(ProviderEquipment e) => new(e.Name, e.Make, e.Purpose, e.BookingTerms, e.FeeBand);
}

/// <summary>
/// What the public directory shows of an institutional provider: no contact e-mail (contact goes through
/// introductions), nothing of its verification but the dates.
/// </summary>
public sealed record DirectoryEntry(
    Guid Id,
    string Name,
    string Kind,
    string District,
    bool Remote,
    IReadOnlyList<string> NicCodes,
    IReadOnlyList<string> Stages,
    IReadOnlyList<string> Certifications,
    IReadOnlyList<string> Technologies,
    IReadOnlyList<string> Languages,
    int? TrlFrom,
    int? TrlTo,
    int ResponseDays,
    string ServicesEn,
    string ServicesMl,
    string? Website,
    IReadOnlyList<EquipmentView> Equipment,
    DateOnly? VerifiedOn,
    DateOnly? ExpiresOn,
    bool IsDemo)
{
    public static DirectoryEntry Of(Provider p) => new(
        p.Id, p.Name, p.Kind, p.District, p.Remote, ProfileLists.Split(p.NicCodes), ProfileLists.Split(p.Stages),
        ProfileLists.Split(p.Certifications), ProfileLists.Split(p.Technologies), ProfileLists.Split(p.Languages), p.TrlFrom, p.TrlTo,
        p.ResponseDays, p.ServicesEn, p.ServicesMl, p.Website, [.. p.Equipment.Select(EquipmentView.Of)], p.VerifiedOn, p.ExpiresOn, p.IsDemo);
}
