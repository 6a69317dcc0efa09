namespace HiTech.Web.Features.Reviews;

/// <summary>What a review change saved: the assessment's version now and, on approval, the certificate issued.</summary>
public sealed record ReviewSaved(int Version, string? CertificateId = null);

/// <summary>
/// The steps every review change shares (take, decide an input, approve, return): find the assessment this
/// assessor may review, refuse unless the move is allowed now at the version the caller read, and save so that of
/// two people deciding at once the second is told, never silently overwritten.
/// </summary>
public sealed class ReviewChanges(AppDbContext db, AuditLog audit, IStringLocalizer<ReviewsText> r, IStringLocalizer<SharedResource> t)
{
    public const int MaxComments = 4000;

    /// <summary>Not there, or not this assessor's: one answer, never a hint that it exists.</summary>
    public static Outcome<T> NotInQueue<T>(IStringLocalizer<ReviewsText> r) => Outcome.NotFound<T>(r["There is no such assessment in your review queue."]);

    /// <summary>The assessment, tracked with its inputs, when this assessor may review it.</summary>
    public async Task<Outcome<Assessment>> FindAsync(Guid id, CurrentUser user, CancellationToken cancellationToken) =>
        await AssessmentPolicy.FindForReviewAsync(db.Assessments.Include(a => a.Inputs), user, id, cancellationToken) is { } assessment
            ? Outcome.Ok(assessment)
            : NotInQueue<Assessment>(r);

    /// <summary>Whether the enterprise uploaded a document for the input.</summary>
    public Task<bool> HasDocumentAsync(Guid assessmentId, string inputId, CancellationToken cancellationToken) =>
        db.EvidenceFiles.AsNoTracking().AnyAsync(f => f.AssessmentId == assessmentId && f.InputId == inputId, cancellationToken);

    /// <summary>The assessment when <paramref name="move"/> is allowed now and <paramref name="version"/> (required) is the one saved.</summary>
    public async Task<Outcome<Assessment>> OpenAsync(Guid id, int? version, AssessmentMove move, CurrentUser user, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, user, cancellationToken);
        return found.Value is { } assessment ? Check(assessment, move, version) : found;
    }

    /// <summary>
    /// The opening of approve and return: <see cref="OpenAsync"/>, then the assessor's comments, checked by the
    /// platform's text rule (trimmed, NFC, no hidden characters), which returning requires (the enterprise must know
    /// what to change).
    /// </summary>
    public async Task<Outcome<(Assessment Assessment, string? Comments)>> OpenDecisionAsync(
        Guid id, int? version, AssessmentMove move, string? comments, CurrentUser user, CancellationToken cancellationToken)
    {
        var open = await OpenAsync(id, version, move, user, cancellationToken);
        if (open.Value is not { } assessment)
        {
            return open.As<(Assessment, string?)>();
        }

        var text = TextRules.Check(comments, multiline: true);
        comments = text.Value;
        return !text.IsOk
                ? Outcome.Invalid<(Assessment, string?)>("comments", TextWords.Say(text.Problem, t))
            : move == AssessmentMove.Return && string.IsNullOrEmpty(comments)
                ? Outcome.Invalid<(Assessment, string?)>("comments", r["Tell the enterprise what to change before it submits again"])
            : comments is { Length: > MaxComments }
                ? Outcome.Invalid<(Assessment, string?)>("comments", r["Comments must be {0} characters or fewer", MaxComments])
            : Outcome.Ok<(Assessment, string?)>((assessment, string.IsNullOrEmpty(comments) ? null : comments));
    }

    /// <summary>The assessment when <paramref name="move"/> is allowed now and <paramref name="version"/> is the one saved.</summary>
    public Outcome<Assessment> Check(Assessment assessment, AssessmentMove move, int? version) =>
        !assessment.CanApply(move)
            ? Outcome.Conflict<Assessment>(r["This assessment is no longer waiting for review, so nothing was changed."]) with
            {
                Extensions = new Dictionary<string, object?> { ["current_version"] = assessment.Version },
            }
        : version is null ? Outcome.Invalid<Assessment>("version", r["Send the version of the assessment you read"])
        : version != assessment.Version ? Stale<Assessment>(assessment.Version, assessment.UpdatedAt)
        : Outcome.Ok(assessment);

    /// <summary>An assessor takes an unassigned assessment: it becomes theirs alone, and the audit says so.</summary>
    public void Take(Assessment assessment, CurrentUser user, DateTimeOffset now)
    {
        assessment.Apply(AssessmentMove.Take, user.RequiredId, now);
        audit.Record(user, "Assessment", assessment.Id.ToString(), AuditAction.Take, new { assessor = (Guid?)null }, new { assessor = user.Id });
    }

    /// <summary>
    /// Saves. The assessment was loaded at the version the caller read (checked on opening) and Version is its
    /// concurrency token, so the UPDATE carries WHERE Version = it: a save by someone else in between is refused here.
    /// </summary>
    public async Task<Outcome<ReviewSaved>> SaveAsync(Assessment assessment, CancellationToken cancellationToken, string? certificateId = null)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Ok(new ReviewSaved(assessment.Version, certificateId));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var saved = await db.Assessments.AsNoTracking().Where(a => a.Id == assessment.Id).Select(a => new { a.Version, a.UpdatedAt }).FirstOrDefaultAsync(cancellationToken);
            return saved is null ? NotInQueue<ReviewSaved>(r) : Stale<ReviewSaved>(saved.Version, saved.UpdatedAt);
        }
    }

    /// <summary>Someone saved after the caller read it: nothing changed. The API has always named the members current_version and saved_at.</summary>
    private Outcome<T> Stale<T>(int version, DateTimeOffset savedAt) =>
        Outcome.Conflict<T>(r["Someone else saved this assessment at {0}. Nothing you sent was saved: here is what is saved now. Check it, then decide again.", Fmt.DateTime(savedAt)]) with
        {
            SavedAt = savedAt,
            Extensions = new Dictionary<string, object?> { ["current_version"] = version, ["saved_at"] = savedAt },
        };
}
