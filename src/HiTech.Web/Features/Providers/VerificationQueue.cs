namespace HiTech.Web.Features.Providers;

/// <summary>One page of profiles waiting for verification, oldest first.</summary>
public sealed record VerificationPage(IReadOnlyList<ProviderView> Items, int Total, int Page, int PageSize)
{
    public const int DefaultPageSize = 25;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The verification queue: submitted profiles, for partnerships officers and admins, paged in the query.</summary>
public sealed class VerificationQueue(AppDbContext db, IStringLocalizer<ProvidersText> l)
{
    public async Task<Outcome<VerificationPage>> ExecuteAsync(CurrentUser user, int page, CancellationToken cancellationToken)
    {
        if (!user.IsPartnershipsOfficer)
        {
            return Outcome.Forbidden<VerificationPage>(l["Only a partnerships officer or an admin verifies providers"]);
        }

        page = Math.Max(1, page);
        var waiting = db.Providers.AsNoTracking().Where(p => p.Status == ProviderStatus.Submitted);
        var total = await waiting.CountAsync(cancellationToken);
        var items = await waiting.OrderBy(p => SortKeys.Instant(p.CreatedAt)).ThenBy(p => p.Id)
            .Skip((page - 1) * VerificationPage.DefaultPageSize).Take(VerificationPage.DefaultPageSize)
            .Include(p => p.Equipment).AsSplitQuery()
            .ToListAsync(cancellationToken);
        return Outcome.Ok(new VerificationPage([.. items.Select(ProviderView.Of)], total, page, VerificationPage.DefaultPageSize));
    }
}
