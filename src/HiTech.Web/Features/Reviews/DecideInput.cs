namespace HiTech.Web.Features.Reviews;

/// <summary>An assessor's decision on one input, as sent by the page or the API.</summary>
public sealed record InputDecision(string? Decision, string? Value, string? Reason, int? Version);

/// <summary>
/// Marks one input verified, adjusted (with the corrected value; the original stays in the audit) or rejected.
/// Adjusted and rejected need a reason. Verified and adjusted values count as verified evidence; rejected ones
/// count as not given. Taking an unassigned assessment assigns it to the assessor.
/// </summary>
public sealed class DecideInput(ReviewChanges changes, FrameworkStore frameworks, AuditLog audit, IStringLocalizer<ReviewsText> r, IStringLocalizer<SharedResource> t, TimeProvider clock)
{
    public const string Verified = "verified";
    public const string Adjusted = "adjusted";
    public const string Rejected = "rejected";
    public const int MaxReason = 2000;

    public async Task<Outcome<ReviewSaved>> ExecuteAsync(Guid assessmentId, Guid inputId, InputDecision decision, CurrentUser user, CancellationToken cancellationToken)
    {
        var found = await changes.FindAsync(assessmentId, user, cancellationToken);
        if (found.Value?.Inputs.FirstOrDefault(i => i.Id == inputId) is not { } row)
        {
            return ReviewChanges.NotInQueue<ReviewSaved>(r);
        }

        // Inputs are decided while the assessment can still be approved.
        var open = changes.Check(found.Value, AssessmentMove.Approve, decision.Version);
        if (open.Value is not { } assessment)
        {
            return open.As<ReviewSaved>();
        }

        var errors = new Dictionary<string, string[]>();

        var kind = decision.Decision?.Trim().ToLowerInvariant();
        var reason = TextWords.Checked(errors, "reason", decision.Reason, t, multiline: true);
        if (kind is not (Verified or Adjusted or Rejected))
        {
            errors["decision"] = [r["Choose whether the value is verified, adjusted or rejected"]];
        }
        else if (kind is Adjusted or Rejected && reason is "")
        {
            errors["reason"] = [kind == Adjusted ? r["Give the reason for adjusting the value"] : r["Give the reason for rejecting the value"]];
        }

        if (reason is { Length: > MaxReason })
        {
            errors["reason"] = [r["The reason must be {0} characters or fewer", MaxReason]];
        }

        var framework = await frameworks.GetAsync(assessment.FrameworkId, assessment.FrameworkVersion, cancellationToken);
        framework.InputsById.TryGetValue(row.InputId, out var input);
        (decimal? Number, bool? Flag, string? Text, string? Problem) corrected = default;
        if (kind == Adjusted)
        {
            if (string.IsNullOrWhiteSpace(decision.Value))
            {
                errors["value"] = [r["Enter the corrected value"]];
            }
            else if (input is null)
            {
                errors["value"] = [r["This input is not part of the assessment's framework version, so it cannot be adjusted"]];
            }
            else
            {
                corrected = InputDisplay.Parse(input, decision.Value, r);
                if (corrected.Problem is not null)
                {
                    errors["value"] = [corrected.Problem];
                }
            }
        }

        // Verified means checked against a document, unless the framework needs no evidence for the input.
        if (kind == Verified && EvidenceNeed.NeedsDocument(framework, row.InputId) && !await changes.HasDocumentAsync(assessment.Id, row.InputId, cancellationToken))
        {
            var title = input?.Definition.Title.In(Language.Current) ?? row.InputId;
            errors["decision"] = [r["‘{0}’ cannot be marked verified: no document is uploaded for it, and the framework needs evidence for this input. Reject it, adjust it, or return the assessment asking for a document.", title]];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<ReviewSaved>(errors);
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

        // The assessment changes with it (so its version moves on); if nobody had it, deciding takes it.
        var now = clock.GetUtcNow();
        assessment.UpdatedAt = now;
        if (assessment.CanApply(AssessmentMove.Take))
        {
            changes.Take(assessment, user, now);
        }

        audit.Record(user, "Assessment", assessment.Id.ToString(), kind switch { Verified => AuditAction.VerifyInput, Adjusted => AuditAction.AdjustInput, _ => AuditAction.RejectInput }, before, Snapshot(row));
        return await changes.SaveAsync(assessment, cancellationToken);
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
