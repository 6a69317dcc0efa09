namespace HiTech.Web.Features.WhatIf;

/// <summary>The kept what-if runs, newest first, for analysts and admins (runs hold aggregates only, so every analyst sees all).</summary>
public sealed class ListWhatIfRuns(AppDbContext db)
{
    public sealed record RunSummary(Guid Id, string ProposalName, string ProposalVersion, string BaselineVersion, int Year, string Status, int Progress, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);

    /// <summary>The runs, and the latest year with an approved assessment (the population a new run starts from).</summary>
    public sealed record RunList(IReadOnlyList<RunSummary> Runs, int? LatestApprovedYear);

    public async Task<Outcome<RunList>> ExecuteAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        if (!user.IsAnalyst && !user.IsAdmin)
        {
            return Outcome.Forbidden<RunList>();
        }

        var runs = await db.WhatIfRuns.AsNoTracking()
            .Select(r => new RunSummary(r.Id, r.ProposalName, r.ProposalVersion, r.BaselineVersion, r.Year, r.Status, r.Progress, r.CreatedAt, r.FinishedAt))
            .ToListAsync(cancellationToken);

        // Sorted here: SQLite cannot order the stored DateTimeOffset text, and the runs kept are few.
        var latest = await db.Assessments.AsNoTracking().Where(a => a.Status == AssessmentStatus.Approved).MaxAsync(a => (int?)a.Year, cancellationToken);
        return Outcome.Ok(new RunList([.. runs.OrderByDescending(r => r.CreatedAt)], latest));
    }
}
