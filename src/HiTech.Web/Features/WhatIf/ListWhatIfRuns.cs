namespace HiTech.Web.Features.WhatIf;

/// <summary>The kept what-if runs, newest first, for analysts and admins (runs hold aggregates only, so every analyst sees all).</summary>
public sealed class ListWhatIfRuns(AppDbContext db)
{
    public sealed record RunSummary(Guid Id, string ProposalName, string ProposalVersion, string BaselineVersion, int Year, string Status, int Progress, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);

    public async Task<Outcome<IReadOnlyList<RunSummary>>> ExecuteAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        if (!user.IsAnalyst && !user.IsAdmin)
        {
            return Outcome.Forbidden<IReadOnlyList<RunSummary>>();
        }

        var runs = await db.WhatIfRuns.AsNoTracking()
            .Select(r => new RunSummary(r.Id, r.ProposalName, r.ProposalVersion, r.BaselineVersion, r.Year, r.Status, r.Progress, r.CreatedAt, r.FinishedAt))
            .ToListAsync(cancellationToken);

        // Sorted here: SQLite cannot order the stored DateTimeOffset text, and the runs kept are few.
        return Outcome.Ok<IReadOnlyList<RunSummary>>([.. runs.OrderByDescending(r => r.CreatedAt)]);
    }
}
