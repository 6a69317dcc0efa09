namespace HiTech.Web.Features.Providers;

/// <summary>
/// A provider's profile as typed (the editor's form and the API's body). Lists of codes are ids of the vocabulary;
/// NIC codes may be typed separated by commas, spaces or semicolons. <see cref="Version"/> is the version read.
/// </summary>
public sealed class ProviderForm
{
    public string? Name { get; set; }

    public string? Kind { get; set; }

    /// <summary>A Kerala district, or empty for a provider outside Kerala.</summary>
    public string? District { get; set; }

    public bool Remote { get; set; }

    public string? NicCodes { get; set; }

    public List<string> Stages { get; set; } = [];

    public List<string> Certifications { get; set; } = [];

    public List<string> Technologies { get; set; } = [];

    public List<string> Languages { get; set; } = [];

    public int? TrlFrom { get; set; }

    public int? TrlTo { get; set; }

    public int? ResponseDays { get; set; }

    public string? ServicesEn { get; set; }

    public string? ServicesMl { get; set; }

    public string? Website { get; set; }

    public string? ContactEmail { get; set; }

    // A returning professional only.
    public string? Skills { get; set; }

    public List<string> Sectors { get; set; } = [];

    public int? YearsAbroad { get; set; }

    public List<string> Availability { get; set; } = [];

    public List<EquipmentForm> Equipment { get; set; } = [];

    /// <summary>A professional agrees to the stated purpose (needed once, before the profile is first saved as a professional's).</summary>
    public bool Consent { get; set; }

    public int Version { get; set; }

    /// <summary>The form filled in with what is saved.</summary>
    public static ProviderForm Of(Provider p) => new()
    {
        Name = p.Name,
        Kind = p.Kind,
        District = p.District,
        Remote = p.Remote,
        NicCodes = string.Join(", ", ProfileLists.Split(p.NicCodes)),
        Stages = ProfileLists.Split(p.Stages),
        Certifications = ProfileLists.Split(p.Certifications),
        Technologies = ProfileLists.Split(p.Technologies),
        Languages = ProfileLists.Split(p.Languages),
        TrlFrom = p.TrlFrom,
        TrlTo = p.TrlTo,
        ResponseDays = p.ResponseDays,
        ServicesEn = p.ServicesEn,
        ServicesMl = p.ServicesMl,
        Website = p.Website,
        ContactEmail = p.ContactEmail,
        Skills = p.Skills,
        Sectors = ProfileLists.Split(p.Sectors),
        YearsAbroad = p.YearsAbroad,
        Availability = ProfileLists.Split(p.Availability),
        Equipment = [.. p.Equipment.Select(e => new EquipmentForm { Name = e.Name, Make = e.Make, Purpose = e.Purpose, BookingTerms = e.BookingTerms, FeeBand = e.FeeBand })],
        Version = p.Version,
    };
}

/// <summary>One piece of equipment as typed; a row with nothing typed is left out.</summary>
public sealed class EquipmentForm
{
    public string? Name { get; set; }

    public string? Make { get; set; }

    public string? Purpose { get; set; }

    public string? BookingTerms { get; set; }

    public string? FeeBand { get; set; }

    public bool IsBlank =>
        string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Make) && string.IsNullOrWhiteSpace(Purpose)
        && string.IsNullOrWhiteSpace(BookingTerms) && string.IsNullOrWhiteSpace(FeeBand);
}

/// <summary>The ';'-separated lists the entity stores (as Core's matching engine reads them).</summary>
public static class ProfileLists
{
    public static List<string> Split(string stored) =>
        [.. stored.Split([';', ',', ' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static string Join(IEnumerable<string> ids) => string.Join(';', ids);
}
