namespace HiTech.Web.Features.Maturity;

/// <summary>
/// Finishes a maturity assessment: it becomes a point (T0, T1, ...) in the firm's progress and a peer for others,
/// and its overall score becomes the <c>digital_maturity</c> input of the organisation's open assessment
/// (<see cref="DigitalMaturityFlow"/>), in the same save.
/// </summary>
public sealed class CompleteMaturity(AppDbContext db, GetMaturity get, DigitalMaturityFlow flow, MaturityWords words, AuditLog audit, TimeProvider clock)
{
    /// <summary>The finished case; 400 (under <c>answers</c>) while the short screen is not answered, so there is no overall score to keep.</summary>
    public async Task<Outcome<MaturityCase>> ExecuteAsync(CurrentUser user, Guid id, int? version, CancellationToken cancellationToken)
    {
        var found = await get.FindForChangeAsync(user, id, cancellationToken);
        if (!found.IsOk)
        {
            return found;
        }

        var current = found.Value!;
        var entity = current.Entity;

        if (version is { } read && read != entity.Version)
        {
            return words.Stale(entity.Version);
        }

        if (current.Result.Overall is not { } overall)
        {
            var unanswered = current.Instrument.Screen.Questions.Where(q => !current.IsAnswered(q)).Select(q => q.Id);
            return Outcome.Invalid<MaturityCase>(
                new Dictionary<string, string[]> { ["answers"] = [words.L["Answer the short screen first; still to answer: {0}", string.Join(", ", unanswered)]] },
                words.L["The assessment cannot be finished yet"]);
        }

        var now = clock.GetUtcNow();
        var readVersion = entity.Version;
        MaturityRecords.Store(entity, current.Instrument, current.Profile, current.Answers, current.Result);
        entity.CompletedAt = now;
        entity.UpdatedAt = now;
        var target = await flow.ApplyAsync(user, entity.OrganisationId, overall, entity.Id, cancellationToken);
        audit.Record(user, nameof(MaturityAssessment), id.ToString(), AuditAction.CompleteMaturity, null, new
        {
            overall,
            band = current.Result.Band?.Id,
            firstEstimate = current.Result.IsFirstEstimate,
            answered = current.Result.Answered,
            applicable = current.Result.Applicable,
            digitalMaturityInput = target?.AssessmentId,
        });
        db.Entry(entity).Property(m => m.Version).OriginalValue = readVersion;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var saved = await db.MaturityAssessments.AsNoTracking().Where(m => m.Id == id).Select(m => m.Version).FirstAsync(cancellationToken);
            return words.Stale(saved);
        }

        return Outcome.Ok(await get.CaseAsync(entity.OrganisationId, id, cancellationToken));
    }
}

/// <summary>Where a maturity score went: the assessment, its financial year, the value before, and whether anything changed.</summary>
public sealed record FlowTarget(Guid AssessmentId, int Year, decimal? Before, decimal After, bool Changed);

/// <summary>An open assessment a score can flow into, with its <c>digital_maturity</c> value and evidence now.</summary>
public sealed record OpenAssessment(Guid Id, int Year, decimal? DigitalMaturity, string Evidence);

/// <summary>
/// The wiring between the maturity assessment and the framework: the overall score becomes the <c>digital_maturity</c>
/// input of the organisation's Draft or Returned assessment (the latest year), created if absent, as a
/// <c>self-declared</c> figure pending review. Only an assessor verifying that input (the review flow) makes it
/// verified; an unchanged value keeps whatever review it had. Every change is audited on the assessment.
/// </summary>
public sealed class DigitalMaturityFlow(AppDbContext db, FrameworkStore frameworks, AuditLog audit, TimeProvider clock)
{
    public const string InputId = MaturityScoreInput.InputId;

    /// <summary>The statuses in which the enterprise holds the assessment, as a list the database can match.</summary>
    private static readonly AssessmentStatus[] Editable = [.. Enum.GetValues<AssessmentStatus>().Where(AssessmentLifecycle.IsEditable)];

    /// <summary>The organisation's open assessment (Draft or Returned, latest year) whose framework has the input, if any.</summary>
    public async Task<OpenAssessment?> OpenAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        if (await FindOpenAsync(db.Assessments.AsNoTracking(), organisationId, cancellationToken) is not { } assessment)
        {
            return null;
        }

        var row = assessment.Inputs.FirstOrDefault(i => i.InputId == InputId);
        return new OpenAssessment(assessment.Id, assessment.Year, row?.Number, EvidenceLevels.ToId(row?.Evidence ?? EvidenceLevel.SelfDeclared));
    }

    /// <summary>Sets the input on the tracked assessment (the caller saves). Null when the organisation has no open assessment with the input.</summary>
    public async Task<FlowTarget?> ApplyAsync(CurrentUser user, Guid organisationId, int overall, Guid maturityId, CancellationToken cancellationToken)
    {
        if (await FindOpenAsync(db.Assessments, organisationId, cancellationToken) is not { } assessment)
        {
            return null;
        }

        decimal value = overall;
        var row = assessment.Inputs.FirstOrDefault(i => i.InputId == InputId);
        if (row is not null && row.Number == value && row.Review != ReviewState.Rejected)
        {
            return new FlowTarget(assessment.Id, assessment.Year, row.Number, value, Changed: false);
        }

        var previous = MaturityScoreInput.Apply(db, audit, user, assessment, row, value, maturityId);
        assessment.UpdatedAt = clock.GetUtcNow();
        return new FlowTarget(assessment.Id, assessment.Year, previous, value, Changed: true);
    }

    /// <summary>The latest assessment the enterprise holds (it can still change its inputs), with its inputs, if its framework has the input.</summary>
    private async Task<Assessment?> FindOpenAsync(IQueryable<Assessment> assessments, Guid organisationId, CancellationToken cancellationToken)
    {
        var assessment = await assessments.Include(a => a.Inputs)
            .Where(a => a.OrganisationId == organisationId && Editable.Contains(a.Status))
            .OrderByDescending(a => a.Year)
            .FirstOrDefaultAsync(cancellationToken);
        return assessment is not null && (await frameworks.GetAsync(assessment.FrameworkId, assessment.FrameworkVersion, cancellationToken)).InputsById.ContainsKey(InputId)
            ? assessment
            : null;
    }
}
