using HiTech.Core.Maturity;
using HiTech.Core.Reference;

namespace HiTech.Web.Features.Maturity;

/// <summary>
/// What the platform already knows about a firm that the maturity assessment needs: staff (the <c>employees</c>
/// input of its latest assessment that has one), whether it manufactures (its primary activity, the one with the
/// largest revenue share, is in NIC section C), its MSME size class (the largest of its units'), and what places it
/// among peers (the primary activity's NIC division and the organisation's district). Null: not known yet.
/// </summary>
public sealed record FirmFacts(Guid OrganisationId, string Name, string District, int? Employees, bool? Manufacturing, MsmeSize? Size, string? PrimaryCode, string? NicDivision)
{
    public const string EmployeesInput = "employees";

    /// <summary>The profile, with the given answers standing in for what is not known; null when something is still missing.</summary>
    public MaturityProfile? Profile(int? employees = null, bool? manufacturing = null, MsmeSize? size = null) =>
        (Employees ?? employees, Manufacturing ?? manufacturing, Size ?? size) is ({ } e, { } m, { } s) ? new MaturityProfile(e, m, s) : null;

    public PeerFirm Peer(MaturityProfile profile) => new(NicDivision, profile.Size, District);
}

/// <summary>Reads <see cref="FirmFacts"/> for an organisation.</summary>
public sealed class ReadFirm(AppDbContext db, ReferenceData reference)
{
    public async Task<FirmFacts?> ExecuteAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == organisationId)
            .Select(o => new { o.Id, o.Name, o.District })
            .FirstOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return null;
        }

        var employees = await (
                from a in db.Assessments.AsNoTracking()
                where a.OrganisationId == organisationId
                join i in db.AssessmentInputs.AsNoTracking() on a.Id equals i.AssessmentId
                where i.InputId == FirmFacts.EmployeesInput && i.Number != null && i.Review != ReviewState.Rejected
                orderby a.Year descending
                select i.Number)
            .FirstOrDefaultAsync(cancellationToken);
        var sizes = await db.Units.AsNoTracking().Where(u => u.OrganisationId == organisationId).Select(u => u.SizeClass).ToListAsync(cancellationToken);
        var activities = await db.Activities.AsNoTracking().Where(a => a.OrganisationId == organisationId).Select(a => new { a.Code, a.RevenueShare }).ToListAsync(cancellationToken);
        var primary = activities.OrderByDescending(a => a.RevenueShare).ThenBy(a => a.Code, StringComparer.Ordinal).Select(a => a.Code).FirstOrDefault();

        MsmeSize? size = null;
        foreach (var id in sizes)
        {
            if (MsmeSizes.TryParse(id, out var parsed) && (size is null || parsed > size))
            {
                size = parsed;
            }
        }

        bool? manufacturing = primary is null ? null : IsManufacturing(reference, primary);
        return new FirmFacts(
            organisation.Id,
            organisation.Name,
            organisation.District,
            employees is { } n && n >= 0 && n <= int.MaxValue ? (int)n : null,
            manufacturing,
            size,
            primary,
            Division(primary));
    }

    /// <summary>NIC section C is manufacturing.</summary>
    public static bool IsManufacturing(ReferenceData reference, string code) =>
        reference.Nic.Find(code)?.Section == "C";

    /// <summary>The 2-digit NIC division of a code, or null.</summary>
    public static string? Division(string? code) => code is { Length: >= 2 } && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1]) ? code[..2] : null;
}
