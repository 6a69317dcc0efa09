using System.Globalization;
using HiTech.Web.Features.Providers;

namespace HiTech.Web.Features.Professionals;

/// <summary>
/// What /professionals is asked for: words found in the skills (and services) a professional wrote, and filters by
/// priority sector, NIC division (2 digits), availability (job, consulting, mentoring) and district (professionals
/// there, and those who work anywhere). The query string uses the same names.
/// </summary>
public sealed record ProfessionalsQuery(
    string? Skill = null,
    string? Sector = null,
    string? Nic = null,
    string? Availability = null,
    string? District = null,
    int? Page = null)
{
    public const int PageSize = 20;

    public int PageNumber => Math.Max(1, Page ?? 1);

    /// <summary>The words of <see cref="Skill"/>: letters, digits and marks only, lower case, at most eight (the directory's rule).</summary>
    public IReadOnlyList<string> Words() => new DirectoryQuery(Q: Skill).Words();

    /// <summary>The query string at another page (what the paging links carry), without empty values.</summary>
    public string QueryString(int page)
    {
        var parts = new List<KeyValuePair<string, string?>>
        {
            new("skill", Skill), new("sector", Sector), new("nic", Nic), new("availability", Availability), new("district", District),
            new("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture)),
        };
        return Microsoft.AspNetCore.Http.QueryString.Create(parts.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();
    }
}

/// <summary>One listed returning professional as a verified enterprise sees them: never an e-mail address or a phone number.</summary>
public sealed record ProfessionalEntry(
    Guid Id,
    string Name,
    string District,
    bool Remote,
    string Skills,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> NicCodes,
    int? YearsAbroad,
    IReadOnlyList<string> Availability,
    bool IsDemo);

/// <summary>An open need of the reader's enterprise, which an expression of interest to a professional is about.</summary>
public sealed record OpenNeed(Guid Id, string Summary);

/// <summary>One page of professionals, how many match in all, and the reader's open needs (enterprises only).</summary>
public sealed record ProfessionalsPage(IReadOnlyList<ProfessionalEntry> Items, int Total, int Page, ProfessionalsQuery Query, IReadOnlyList<OpenNeed> Needs)
{
    public int Pages => Math.Max(1, (Total + ProfessionalsQuery.PageSize - 1) / ProfessionalsQuery.PageSize);
}
