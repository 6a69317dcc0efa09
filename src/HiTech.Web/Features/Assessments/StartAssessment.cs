namespace HiTech.Web.Features.Assessments;

/// <summary>
/// Starts an assessment for a completed financial year under the framework version active today, which the
/// assessment keeps for ever: a later version never changes how an existing assessment is asked or scored.
/// </summary>
public sealed class StartAssessment(AppDbContext db, FrameworkStore frameworks, AssessmentWords words, AuditLog audit, TimeProvider clock)
{
    /// <summary>The earliest financial year that can be assessed.</summary>
    public const int FirstYear = 2015;

    /// <summary>Years offered on the start page: the last completed one and the four before it.</summary>
    public const int YearsOffered = 5;

    public int LastCompletedYear => LastCompletedYearAt(clock.GetUtcNow());

    /// <summary>The financial year most recently completed (April to March, in India): in November 2026 that is 2025 (FY 2025-26).</summary>
    public static int LastCompletedYearAt(DateTimeOffset now)
    {
        var ist = now.ToOffset(TimeSpan.FromHours(5.5));
        return (ist.Month >= 4 ? ist.Year : ist.Year - 1) - 1;
    }

    /// <summary>The years offered that the organisation has no assessment for yet under the active framework.</summary>
    public async Task<IReadOnlyList<int>> FreeYearsAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var last = LastCompletedYear;
        var taken = await db.Assessments.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && a.FrameworkId == FrameworkStore.DefaultFrameworkId && a.Year > last - YearsOffered)
            .Select(a => a.Year)
            .ToListAsync(cancellationToken);
        return [.. Enumerable.Range(0, YearsOffered).Select(k => last - k).Where(y => !taken.Contains(y))];
    }

    /// <summary>The new assessment's id; a conflict carries the id of the one that exists for the year.</summary>
    public async Task<Outcome<Guid>> ExecuteAsync(CurrentUser user, Guid organisationId, int year, CancellationToken cancellationToken)
    {
        if (!user.IsEnterprise)
        {
            return Outcome.Forbidden<Guid>(words.L["Only the enterprise can start its assessment"]);
        }

        if (!user.OwnsOrganisation(organisationId) || !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            return Outcome.NotFound<Guid>(words.L["No such organisation"]);
        }

        if (year < FirstYear || year > LastCompletedYear)
        {
            return Outcome.Invalid<Guid>("year", words.L["The financial year must be a completed one, from {0} to {1}", Fmt.FinancialYear(FirstYear), Fmt.FinancialYear(LastCompletedYear)]);
        }

        var framework = await frameworks.ActiveAsync(cancellationToken);
        if (await ExistingAsync(organisationId, year, framework.Id, cancellationToken) is { } existing)
        {
            return Exists(year, existing);
        }

        var now = clock.GetUtcNow();
        var assessment = new Assessment
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            Year = year,
            FrameworkId = framework.Id,
            FrameworkVersion = framework.Version,
            Status = AssessmentStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Assessments.Add(assessment);
        audit.Record(user, nameof(Assessment), assessment.Id.ToString(), AuditAction.Start, null, new { organisationId, year, framework = framework.Id, version = framework.Version });
        await PrefillDigitalMaturityAsync(user, assessment, framework, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two starts for the same year at once: the unique index keeps one; point at it.
            db.ChangeTracker.Clear();
            if (await ExistingAsync(organisationId, year, framework.Id, cancellationToken) is not { } winner)
            {
                throw;
            }

            return Exists(year, winner);
        }

        return Outcome.Ok(assessment.Id);
    }

    /// <summary>
    /// An assessment started after a digital maturity assessment was finished starts with that score as its
    /// <c>digital_maturity</c> input, self-declared and pending review, as finishing one does for an open assessment
    /// (the Maturity feature's flow): the figure is there to check, not only named in a hint.
    /// </summary>
    private async Task PrefillDigitalMaturityAsync(CurrentUser user, Assessment assessment, CompiledFramework framework, CancellationToken cancellationToken)
    {
        if (!framework.InputsById.ContainsKey(MaturityScoreInput.InputId))
        {
            return;
        }

        // Few per organisation; ordered here because SQLite cannot order by a date with an offset.
        var finished = await db.MaturityAssessments.AsNoTracking()
            .Where(m => m.OrganisationId == assessment.OrganisationId && m.CompletedAt != null && m.Overall != null)
            .Select(m => new { m.Id, m.CompletedAt, m.Overall })
            .ToListAsync(cancellationToken);
        if (finished.OrderByDescending(m => m.CompletedAt!.Value.UtcTicks).FirstOrDefault() is not { } latest)
        {
            return;
        }

        MaturityScoreInput.Apply(db, audit, user, assessment, row: null, latest.Overall!.Value, latest.Id);
    }

    private Task<Guid?> ExistingAsync(Guid organisationId, int year, string frameworkId, CancellationToken cancellationToken) =>
        db.Assessments.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && a.Year == year && a.FrameworkId == frameworkId)
            .Select(a => (Guid?)a.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>One assessment per year: the conflict names the one that exists.</summary>
    private Outcome<Guid> Exists(int year, Guid existing) => Outcome.Conflict(words.L["You already have an assessment for {0}", Fmt.FinancialYear(year)], existing) with
    {
        Extensions = new Dictionary<string, object?> { ["assessmentId"] = existing },
    };
}
