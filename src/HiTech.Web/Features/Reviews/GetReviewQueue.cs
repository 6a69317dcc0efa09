using HiTech.Web.Features.Certificates;

namespace HiTech.Web.Features.Reviews;

/// <summary>One submitted assessment waiting for review.</summary>
public sealed record QueueItem(
    Guid AssessmentId,
    string Organisation,
    string District,
    int Year,
    DateTimeOffset? SubmittedAt,
    bool AssignedToMe,
    string? ProvisionalTier,
    LocalText? ProvisionalTierTitle,
    double? ProvisionalIndex,
    int Version);

/// <summary>
/// The assessor's queue: submitted assessments assigned to them first, then unassigned ones anyone can take;
/// oldest submission first within each. Never another assessor's.
/// </summary>
public sealed class GetReviewQueue(AppDbContext db, FrameworkStore frameworks)
{
    public const int MaxItems = 500;

    public async Task<IReadOnlyList<QueueItem>> ExecuteAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        if (!user.IsAssessor || user.Id is not { } me)
        {
            return [];
        }

        var rows = await (
                from a in db.Assessments.AsNoTracking()
                where a.Status == AssessmentStatus.Submitted && (a.AssessorId == me || a.AssessorId == null)
                join o in db.Organisations.AsNoTracking() on a.OrganisationId equals o.Id
                select new { a.Id, o.Name, o.District, a.Year, a.SubmittedAt, a.AssessorId, a.Version, a.FrameworkId, a.FrameworkVersion })
            .ToListAsync(cancellationToken);
        rows = [.. rows.OrderBy(r => r.AssessorId == me ? 0 : 1).ThenBy(r => r.SubmittedAt).ThenBy(r => r.Name, StringComparer.Ordinal).Take(MaxItems)];

        var ids = rows.Select(r => r.Id).ToList();
        var provisional = (await db.AssessmentResults.AsNoTracking()
                .Where(r => ids.Contains(r.AssessmentId) && !r.IsFinal)
                .Select(r => new { r.AssessmentId, r.Tier, r.Index, r.ComputedAt, r.FrameworkId, r.FrameworkVersion })
                .ToListAsync(cancellationToken))
            .GroupBy(r => r.AssessmentId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.ComputedAt).First());

        var compiled = new Dictionary<(string, string), CompiledFramework>();
        var items = new List<QueueItem>(rows.Count);
        foreach (var row in rows)
        {
            LocalText? title = null;
            if (provisional.TryGetValue(row.Id, out var result))
            {
                if (!compiled.TryGetValue((result.FrameworkId, result.FrameworkVersion), out var framework))
                {
                    framework = await frameworks.GetAsync(result.FrameworkId, result.FrameworkVersion, cancellationToken);
                    compiled[(result.FrameworkId, result.FrameworkVersion)] = framework;
                }

                title = IssueCertificate.TierTitle(framework, result.Tier);
            }

            items.Add(new QueueItem(row.Id, row.Name, row.District, row.Year, row.SubmittedAt, row.AssessorId == me, result?.Tier, title, result?.Index, row.Version));
        }

        return items;
    }
}
