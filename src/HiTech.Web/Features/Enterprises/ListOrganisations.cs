namespace HiTech.Web.Features.Enterprises;

/// <summary>
/// The organisations this user may read (<see cref="EnterpriseAccess.ReadableAsync"/>): an Enterprise user its own
/// (a list of one, or none); an admin all; an assessor those of its assessments. Ordered by name, paged.
/// </summary>
public sealed class ListOrganisations(EnterpriseAccess access)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<IReadOnlyList<OrganisationSummary>> ExecuteAsync(CurrentUser user, int page, int pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var skip = (Math.Max(page, 1) - 1) * size;
        return await (await access.ReadableAsync(user, cancellationToken)).AsNoTracking()
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Skip(skip).Take(size)
            .Select(o => new OrganisationSummary(o.Id, o.Name, o.UdyamNumber, o.Gstin, o.District, o.Version))
            .ToListAsync(cancellationToken);
    }
}
