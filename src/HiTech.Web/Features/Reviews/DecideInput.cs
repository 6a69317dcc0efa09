using HiTech.Core.Frameworks;
using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Audit;
using HiTech.Web.Infrastructure.Frameworks;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Features.Reviews;

/// <summary>An assessor's decision on one input, as sent by the page or the API.</summary>
public sealed record InputDecision(string? Decision, string? Value, string? Reason, int? Version);

/// <summary>
/// Marks one input verified, adjusted (with the corrected value; the original stays in the audit) or rejected.
/// Adjusted and rejected need a reason. Verified and adjusted values count as verified evidence; rejected ones
/// count as not given. Taking an unassigned assessment assigns it to the assessor.
/// </summary>
public sealed class DecideInput(AppDbContext db, ReviewAccess access, FrameworkStore frameworks, AuditLog audit, TimeProvider clock)
{
    public const string Verified = "verified";
    public const string Adjusted = "adjusted";
    public const string Rejected = "rejected";
    public const int MaxReason = 2000;

    public async Task<ReviewOutcome> RunAsync(Guid assessmentId, Guid inputId, InputDecision decision, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await access.FindForChangeAsync(assessmentId, user, cancellationToken);
        var row = assessment?.Inputs.FirstOrDefault(i => i.Id == inputId);
        if (assessment is null || row is null)
        {
            return ReviewOutcome.NotFound();
        }

        if (ReviewAccess.RefuseUnlessOpen(assessment, decision.Version) is { } refusal)
        {
            return refusal;
        }

        var version = assessment.Version;
        var errors = new Dictionary<string, ReviewMessage>();

        var kind = decision.Decision?.Trim().ToLowerInvariant();
        var reason = decision.Reason?.Trim();
        if (kind is not (Verified or Adjusted or Rejected))
        {
            errors["decision"] = new("Choose whether the value is verified, adjusted or rejected");
        }
        else if (kind is Adjusted or Rejected && string.IsNullOrEmpty(reason))
        {
            errors["reason"] = new(kind == Adjusted ? "Give the reason for adjusting the value" : "Give the reason for rejecting the value");
        }

        if (reason is { Length: > MaxReason })
        {
            errors["reason"] = new("The reason must be {0} characters or fewer", MaxReason);
        }

        var framework = await frameworks.GetAsync(assessment.FrameworkId, assessment.FrameworkVersion, cancellationToken);
        framework.InputsById.TryGetValue(row.InputId, out var input);
        (decimal? Number, bool? Flag, string? Text, string? Problem) corrected = default;
        if (kind == Adjusted)
        {
            if (string.IsNullOrWhiteSpace(decision.Value))
            {
                errors["value"] = new("Enter the corrected value");
            }
            else if (input is null)
            {
                errors["value"] = new("This input is not part of the assessment's framework version, so it cannot be adjusted");
            }
            else
            {
                corrected = InputDisplay.Parse(input, decision.Value);
                if (corrected.Problem is not null)
                {
                    errors["value"] = new("The corrected value {0}", corrected.Problem);
                }
            }
        }

        if (errors.Count > 0)
        {
            return ReviewOutcome.Invalid(assessment.Version, errors);
        }

        var before = Snapshot(row);
        switch (kind)
        {
            case Verified:
                row.Review = ReviewState.Verified;
                row.Evidence = EvidenceLevel.Verified;
                break;
            case Adjusted:
                row.Review = ReviewState.Adjusted;
                row.Evidence = EvidenceLevel.Verified;
                row.Number = corrected.Number;
                row.Flag = corrected.Flag;
                row.Text = corrected.Text;
                break;
            default:
                row.Review = ReviewState.Rejected;
                break;
        }

        row.ReviewNote = string.IsNullOrEmpty(reason) ? null : reason;
        Touch(assessment, user);
        audit.Record(user, "Assessment", assessment.Id.ToString(), kind switch { Verified => AuditAction.VerifyInput, Adjusted => AuditAction.AdjustInput, _ => AuditAction.RejectInput }, before, Snapshot(row));
        access.ExpectVersion(assessment, version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await access.ConflictAsync(assessmentId, cancellationToken);
        }

        return ReviewOutcome.Done(assessment.Version);
    }

    /// <summary>Marks the assessment changed (so its version moves on) and, if nobody had it, gives it to this assessor.</summary>
    private void Touch(Assessment assessment, CurrentUser user)
    {
        assessment.UpdatedAt = clock.GetUtcNow();
        if (assessment.AssessorId is null)
        {
            assessment.AssessorId = user.RequiredId;
            audit.Record(user, "Assessment", assessment.Id.ToString(), AuditAction.Take, new { assessor = (Guid?)null }, new { assessor = user.Id });
        }
    }

    public static object Snapshot(AssessmentInput row) => new
    {
        input = row.InputId,
        review = row.Review.ToString().ToLowerInvariant(),
        evidence = EvidenceLevels.ToId(row.Evidence),
        number = row.Number,
        flag = row.Flag,
        text = row.Text,
        note = row.ReviewNote,
    };
}
