using System.Runtime.CompilerServices;

namespace HiTech.Web.Kernel;

/// <summary>
/// The one read of approved assessments for the analytics: the latest approval of each enterprise and year (a year
/// approved twice counts once, the later approval standing), with their stored inputs and the enterprise and its
/// activities, in batches so that no read holds the whole table. The snapshot and the what-if population both read it.
/// </summary>
public static class ApprovedAssessments
{
    private const int Batch = 200;

    /// <summary>One approved assessment with its inputs, and its enterprise with its activities.</summary>
    public sealed record Entry(Assessment Assessment, Organisation Organisation);

    /// <summary>The ids of the latest approved assessment of each enterprise and year (of <paramref name="year"/> only, when given).</summary>
    public static async Task<IReadOnlyList<Guid>> LatestIdsAsync(AppDbContext db, int? year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var approved = db.Assessments.AsNoTracking().Where(a => a.Status == AssessmentStatus.Approved);
        if (year is { } only)
        {
            approved = approved.Where(a => a.Year == only);
        }

        // Picked here: SQLite cannot order the stored DateTimeOffset text.
        return (await approved.Select(a => new { a.Id, a.OrganisationId, a.Year, a.DecidedAt }).ToListAsync(cancellationToken))
            .GroupBy(a => (a.OrganisationId, a.Year))
            .Select(g => g.OrderByDescending(a => a.DecidedAt).First().Id)
            .ToList();
    }

    /// <summary>The assessments of <paramref name="ids"/> with their enterprises, a batch at a time; an assessment whose enterprise is gone is left out.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<Entry>> BatchesAsync(AppDbContext db, IReadOnlyList<Guid> ids, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var chunk in ids.Chunk(Batch))
        {
            var chunkIds = chunk.ToList();
            var assessments = await db.Assessments.AsNoTracking().Include(a => a.Inputs)
                .Where(a => chunkIds.Contains(a.Id)).ToListAsync(cancellationToken);
            var organisationIds = assessments.Select(a => a.OrganisationId).Distinct().ToList();
            var organisations = await db.Organisations.AsNoTracking().Include(o => o.Activities)
                .Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
            yield return [.. assessments.Where(a => organisations.ContainsKey(a.OrganisationId)).Select(a => new Entry(a, organisations[a.OrganisationId]))];
        }
    }
}
