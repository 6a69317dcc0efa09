namespace HiTech.Web.Features.Assessments;

public sealed record ResultSummary(double Index, string Tier, bool IsFinal, DateTimeOffset ComputedAt);

public sealed record AssessmentSummary(
    Guid Id,
    Guid OrganisationId,
    string OrganisationName,
    int Year,
    string FrameworkId,
    string FrameworkVersion,
    AssessmentStatus Status,
    int Version,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    ResultSummary? Result);

/// <summary>
/// The assessments a user may list: an Enterprise user their organisation's, an assessor those assigned to them,
/// an admin all. Two queries whatever the page size (assessments, then their results).
/// </summary>
public sealed class ListAssessments(AppDbContext db)
{
    public const int MaxPageSize = 200;

    public async Task<Outcome<(IReadOnlyList<AssessmentSummary> Items, int Total)>> ExecuteAsync(CurrentUser user, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = AssessmentPolicy.Listed(db.Assessments.AsNoTracking(), user);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 1);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(a => a.Year)
            .ThenBy(a => a.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(a => new
            {
                a.Id,
                a.OrganisationId,
                OrganisationName = db.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                a.Year,
                a.FrameworkId,
                a.FrameworkVersion,
                a.Status,
                a.Version,
                a.UpdatedAt,
                a.SubmittedAt,
            })
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var results = await db.AssessmentResults.AsNoTracking()
            .Where(r => ids.Contains(r.AssessmentId))
            .Select(r => new { r.AssessmentId, r.Index, r.Tier, r.IsFinal, r.ComputedAt })
            .ToListAsync(cancellationToken);
        var latest = results
            .GroupBy(r => r.AssessmentId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.ComputedAt).ThenByDescending(r => r.IsFinal).First());

        return Outcome.Ok<(IReadOnlyList<AssessmentSummary>, int)>(([.. rows.Select(r => new AssessmentSummary(
            r.Id,
            r.OrganisationId,
            r.OrganisationName ?? "",
            r.Year,
            r.FrameworkId,
            r.FrameworkVersion,
            r.Status,
            r.Version,
            r.UpdatedAt,
            r.SubmittedAt,
            latest.TryGetValue(r.Id, out var result) ? new ResultSummary(result.Index, result.Tier, result.IsFinal, result.ComputedAt) : null))], total));
    }
}
