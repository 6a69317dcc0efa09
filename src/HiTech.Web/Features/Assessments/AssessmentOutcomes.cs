namespace HiTech.Web.Features.Assessments;

/// <summary>
/// The refusals every assessment use case words alike (so each endpoint's problem titles are the same), and the two
/// ways a use case finds its assessment through <see cref="AssessmentPolicy"/>: to read it, or to change it.
/// </summary>
public static class AssessmentOutcomes
{
    /// <summary>403 for a role that sees no individual assessments (or may not change this one); otherwise 404.</summary>
    public static Outcome<T> Refused<T>(this AssessmentWords words, OutcomeKind kind) => kind == OutcomeKind.Forbidden
        ? Outcome.Forbidden<T>(words.L["Your account cannot see or change individual assessments"])
        : Outcome.NotFound<T>(words.L["No such assessment"]);

    /// <summary>Submitted or decided: the enterprise does not hold it now.</summary>
    public static Outcome<T> NotEditable<T>(this AssessmentWords words) =>
        Outcome.Conflict<T>(words.L["The assessment has been submitted and cannot be changed now"]);

    /// <summary>Changed since the caller read it: nothing was changed; read <paramref name="currentVersion"/> again.</summary>
    public static Outcome<T> Stale<T>(this AssessmentWords words, int currentVersion, DateTimeOffset savedAt) =>
        Outcome.Stale<T>(words.L["The assessment was changed after you read it. Read it again and retry with the new version."], currentVersion, savedAt);

    /// <summary>After the database refused a write as concurrent: forgets the write and answers with the version saved now.</summary>
    public static async Task<Outcome<T>> StaleAsync<T>(this AssessmentWords words, AppDbContext db, Guid id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var current = await db.Assessments.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Version, a.UpdatedAt }).FirstAsync(cancellationToken);
        return words.Stale<T>(current.Version, current.UpdatedAt);
    }

    public static bool IsStale<T>(this Outcome<T> outcome) => outcome.CurrentVersion is not null;

    /// <summary>The assessment (loaded as <paramref name="assessments"/> says) when the user may read it; else the refusal.</summary>
    public static async Task<Outcome<Assessment>> FindForReadAsync(
        this AssessmentWords words, IQueryable<Assessment> assessments, CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        if (!AssessmentPolicy.SeesAssessments(user))
        {
            return words.Refused<Assessment>(OutcomeKind.Forbidden);
        }

        var assessment = await assessments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        var read = assessment is null ? OutcomeKind.NotFound : AssessmentPolicy.Read(user, assessment);
        return read == OutcomeKind.Ok ? Outcome.Ok(assessment!) : words.Refused<Assessment>(read);
    }

    /// <summary>The assessment when the user may change it now; else 403, 404, or a conflict when the enterprise does not hold it.</summary>
    public static async Task<Outcome<Assessment>> FindForChangeAsync(
        this AssessmentWords words, IQueryable<Assessment> assessments, CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var (kind, assessment) = await AssessmentPolicy.FindForChangeAsync(assessments, user, id, cancellationToken);
        return kind switch
        {
            OutcomeKind.Ok => Outcome.Ok(assessment!),
            OutcomeKind.Conflict => words.NotEditable<Assessment>(),
            _ => words.Refused<Assessment>(kind),
        };
    }
}
