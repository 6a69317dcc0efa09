using System.Text.Json;
using HiTech.Core.Scoring;
using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Features.Assessments;

/// <summary>The current result of an assessment, read back exactly as it was computed (from its stored explanation).</summary>
public sealed record ResultDetail(Assessment Assessment, AssessmentResult Result, Explanation Explanation)
{
    /// <summary>Provisional until an assessor approves the assessment.</summary>
    public bool IsFinal => Result.IsFinal;
}

/// <summary>
/// Reads an assessment's latest result: the newest computed, a final one first when two share a time. The
/// explanation is deserialised from the stored JSON, never recomputed, so an old result reads as it was.
/// </summary>
public sealed class GetResult(AppDbContext db)
{
    public async Task<Found<ResultDetail>> ExecuteAsync(CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        if (AssessmentAccess.IsRefusedRole(user))
        {
            return Found.Refused<ResultDetail>(Access.Forbidden);
        }

        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return Found.Refused<ResultDetail>(Access.NotFound);
        }

        var access = AssessmentAccess.Read(user, assessment);
        if (access != Access.Allowed)
        {
            return Found.Refused<ResultDetail>(access);
        }

        // Dates are compared in memory: SQLite cannot order by DateTimeOffset, and an assessment has few results.
        var results = await db.AssessmentResults.AsNoTracking()
            .Where(r => r.AssessmentId == id)
            .Select(r => new { r.Id, r.IsFinal, r.ComputedAt })
            .ToListAsync(cancellationToken);
        var latest = results.OrderByDescending(r => r.ComputedAt).ThenByDescending(r => r.IsFinal).FirstOrDefault();
        if (latest is null)
        {
            // Allowed, but nothing to show yet: not submitted.
            return new Found<ResultDetail>(Access.Allowed, null);
        }

        var result = await db.AssessmentResults.AsNoTracking().FirstAsync(r => r.Id == latest.Id, cancellationToken);
        return Found.Of(new ResultDetail(assessment, result, Read(result.ExplanationJson)));
    }

    public static Explanation Read(string json) =>
        JsonSerializer.Deserialize<Explanation>(json, ExplanationJson.Options)
        ?? throw new InvalidOperationException("A stored explanation is empty.");
}
