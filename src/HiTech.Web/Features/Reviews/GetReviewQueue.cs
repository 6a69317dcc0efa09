using HiTech.Core.Reference;
using HiTech.Web.Features.Certificates;
using HiTech.Web.Features.Enterprises;

namespace HiTech.Web.Features.Reviews;

/// <summary>One submitted assessment waiting for review.</summary>
public sealed record QueueItem(
    Guid AssessmentId,
    string Organisation,
    string UdyamNumber,
    string District,
    string DistrictName,
    int Year,
    DateTimeOffset? SubmittedAt,
    bool AssignedToMe,
    string? ProvisionalTier,
    LocalText? ProvisionalTierTitle,
    double? ProvisionalIndex,
    int Version);

/// <summary>
/// The assessor's queue: submitted assessments not yet taken first (new work must not sink under assigned rows), then
/// those assigned to them; oldest submission first within each unless asked otherwise. Never another assessor's.
/// Search, filters, order and paging all run in the database.
/// </summary>
public sealed class GetReviewQueue(AppDbContext db, FrameworkStore frameworks, ReferenceData reference, IStringLocalizer<ReviewsText> r)
{
    public async Task<Outcome<QueuePage>> ExecuteAsync(CurrentUser user, QueueQuery query, CancellationToken cancellationToken)
    {
        if (!user.IsAssessor || user.Id is not { } me)
        {
            return Outcome.Forbidden<QueuePage>(r["Only an assessor has a review queue"]);
        }

        if (Check(query) is { } refused)
        {
            return refused;
        }

        var rows =
            from a in db.Assessments.AsNoTracking()
            where a.Status == AssessmentStatus.Submitted && (a.AssessorId == me || a.AssessorId == null)
            join o in db.Organisations.AsNoTracking() on a.OrganisationId equals o.Id
            select new { Assessment = a, Organisation = o };
        rows = query.Show switch
        {
            QueueQuery.Open => rows.Where(x => x.Assessment.AssessorId == null),
            QueueQuery.Mine => rows.Where(x => x.Assessment.AssessorId == me),
            _ => rows,
        };
        if (!string.IsNullOrWhiteSpace(query.District) && reference.Districts.TryResolve(query.District.Trim(), out var district))
        {
            rows = rows.Where(x => x.Organisation.District == district.Name);
        }

        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            // lower() on both sides: PostgreSQL compares case-sensitively; Malayalam has no case to fold.
            var words = search.ToLowerInvariant();
            var named = reference.Districts.TryResolve(search, out var searched) ? searched.Name : null;
#pragma warning disable CA1304, CA1311, CA1862 // string.ToLower() here is SQL lower() in the database, never .NET's culture
            rows = rows.Where(x => x.Organisation.Name.ToLower().Contains(words)
                || x.Organisation.UdyamNumber.ToLower().Contains(words)
                || x.Organisation.District.ToLower().Contains(words)
                || x.Organisation.District == named);
#pragma warning restore CA1304, CA1311, CA1862
        }

        var counts = await rows.GroupBy(x => x.Assessment.AssessorId == null).Select(g => new { Open = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var openTotal = counts.Where(c => c.Open).Sum(c => c.Count);
        var total = counts.Sum(c => c.Count);
        var pageSize = query.PageSize ?? QueueQuery.DefaultPageSize;
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Min(query.Page ?? 1, pages);

        var byGroup = rows.OrderBy(x => x.Assessment.AssessorId == null ? 0 : 1);
        var ordered = query.NewestFirst
            ? byGroup.ThenByDescending(x => SortKeys.Instant(x.Assessment.SubmittedAt))
            : byGroup.ThenBy(x => SortKeys.Instant(x.Assessment.SubmittedAt));
        var found = await ordered.ThenBy(x => x.Organisation.Name).ThenBy(x => x.Assessment.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(x => new
            {
                x.Assessment.Id,
                x.Organisation.Name,
                x.Organisation.UdyamNumber,
                x.Organisation.District,
                x.Assessment.Year,
                x.Assessment.SubmittedAt,
                x.Assessment.AssessorId,
                x.Assessment.Version,
            })
            .ToListAsync(cancellationToken);

        var ids = found.Select(f => f.Id).ToList();
        var provisional = (await db.AssessmentResults.AsNoTracking()
                .Where(p => ids.Contains(p.AssessmentId) && !p.IsFinal)
                .Select(p => new { p.AssessmentId, p.Tier, p.Index, p.ComputedAt, p.FrameworkId, p.FrameworkVersion })
                .ToListAsync(cancellationToken))
            .GroupBy(p => p.AssessmentId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.ComputedAt).First());

        var compiled = new Dictionary<(string, string), CompiledFramework>();
        var items = new List<QueueItem>(found.Count);
        foreach (var row in found)
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

            var districtName = reference.Districts.TryResolve(row.District, out var d) ? EnterpriseLabels.DistrictName(d) : row.District;
            items.Add(new QueueItem(row.Id, row.Name, row.UdyamNumber, row.District, districtName, row.Year, row.SubmittedAt, row.AssessorId == me, result?.Tier, title, result?.Index, row.Version));
        }

        return Outcome.Ok(new QueuePage(items, total, openTotal, total - openTotal, page, pageSize, query));
    }

    /// <summary>A filter the queue does not know is refused with the place and the rule, not silently ignored.</summary>
    private Outcome<QueuePage>? Check(QueueQuery query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (query.Show is { Length: > 0 } show && show is not (QueueQuery.Open or QueueQuery.Mine or QueueQuery.All))
        {
            errors["show"] = [r["Show must be all, open (not yet taken) or mine (assigned to you)"]];
        }

        if (query.Sort is { Length: > 0 } sort && sort is not (QueueQuery.Oldest or QueueQuery.Newest))
        {
            errors["sort"] = [r["Sort must be oldest or newest"]];
        }

        if (!string.IsNullOrWhiteSpace(query.District) && !reference.Districts.TryResolve(query.District.Trim(), out _))
        {
            errors["district"] = [r["Choose a district of Kerala"]];
        }

        if (query.Page is < 1)
        {
            errors["page"] = [r["Page must be 1 or more"]];
        }

        if (query.PageSize is < 1 or > QueueQuery.MaxPageSize)
        {
            errors["page_size"] = [r["Page size must be from 1 to {0}", QueueQuery.MaxPageSize]];
        }

        return errors.Count == 0 ? null : Outcome.Invalid<QueuePage>(errors);
    }
}
