using System.Text.Json;
using HiTech.Core.Scoring;

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
public sealed class GetResult(AppDbContext db, AssessmentWords words)
{
    /// <summary>The latest result, or null when the user may read the assessment but it has none yet (not submitted).</summary>
    public async Task<Outcome<ResultDetail?>> ExecuteAsync(CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var found = await words.FindForReadAsync(db.Assessments.AsNoTracking(), user, id, cancellationToken);
        if (found.Value is not { } assessment)
        {
            return found.As<ResultDetail?>();
        }

        // Dates are compared in memory: SQLite cannot order by DateTimeOffset, and an assessment has few results.
        var results = await db.AssessmentResults.AsNoTracking()
            .Where(r => r.AssessmentId == id)
            .Select(r => new { r.Id, r.IsFinal, r.ComputedAt })
            .ToListAsync(cancellationToken);
        var latest = results.OrderByDescending(r => r.ComputedAt).ThenByDescending(r => r.IsFinal).FirstOrDefault();
        if (latest is null)
        {
            return Outcome.Ok<ResultDetail?>(null);
        }

        var result = await db.AssessmentResults.AsNoTracking().FirstAsync(r => r.Id == latest.Id, cancellationToken);
        return Outcome.Ok<ResultDetail?>(new ResultDetail(assessment, result, Read(result.ExplanationJson)));
    }

    public static Explanation Read(string json) =>
        JsonSerializer.Deserialize<Explanation>(json, ExplanationJson.Options)
        ?? throw new InvalidOperationException("A stored explanation is empty.");
}
