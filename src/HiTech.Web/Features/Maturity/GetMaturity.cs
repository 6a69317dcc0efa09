namespace HiTech.Web.Features.Maturity;

/// <summary>One line of the list of an organisation's maturity assessments.</summary>
public sealed record MaturitySummary(Guid Id, int Number, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? CompletedAt, int? Overall, string? Band, bool IsFirstEstimate, int Version)
{
    public string Label => "T" + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool IsCompleted => CompletedAt is not null;
}

/// <summary>
/// Reads maturity assessments for the pages and the API. Only the organisation's own Enterprise users reach them:
/// another organisation's answers 404, other roles 403 (analysts see aggregates only, never a firm's answers).
/// </summary>
public sealed class GetMaturity(AppDbContext db, MaturityReference reference, MaturityWords words)
{
    /// <summary>The organisation's assessments in the order they were started (T0 first). SQLite cannot order by a date, so it is done here.</summary>
    public async Task<IReadOnlyList<MaturityAssessment>> SeriesAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var rows = await db.MaturityAssessments.AsNoTracking().Where(m => m.OrganisationId == organisationId).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(m => m.CreatedAt.UtcTicks).ThenBy(m => m.Id)];
    }

    public async Task<IReadOnlyList<MaturitySummary>> ListAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var series = await SeriesAsync(organisationId, cancellationToken);
        return [.. series.Select((m, i) => new MaturitySummary(m.Id, i, m.CreatedAt, m.UpdatedAt, m.CompletedAt, m.Overall, m.Band, m.IsFirstEstimate, m.Version)).Reverse()];
    }

    /// <summary>The assessment as a case, numbered in its organisation's series.</summary>
    public async Task<Outcome<MaturityCase>> ExecuteAsync(CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db.MaturityAssessments.AsNoTracking(), user, id, cancellationToken);
        return found.IsOk ? Outcome.Ok(await CaseAsync(found.Value!.OrganisationId, id, cancellationToken)) : found.As<MaturityCase>();
    }

    /// <summary>
    /// The checks every use of one assessment makes first: the role (403), then the owner (404, never a hint that it
    /// exists). <paramref name="assessments"/> says how to load it (tracked or not).
    /// </summary>
    public async Task<Outcome<MaturityAssessment>> FindAsync(IQueryable<MaturityAssessment> assessments, CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        if (!user.IsEnterprise)
        {
            return Outcome.Forbidden<MaturityAssessment>(words.L["Only the enterprise’s own users can see its digital maturity assessments"]);
        }

        var entity = await assessments.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return entity is not null && user.OwnsOrganisation(entity.OrganisationId)
            ? Outcome.Ok(entity)
            : Outcome.NotFound<MaturityAssessment>(words.L["No such digital maturity assessment"]);
    }

    /// <summary>The assessment to change, tracked, as a case: refused as by <see cref="FindAsync"/>, or a conflict once it is finished.</summary>
    public async Task<Outcome<MaturityCase>> FindForChangeAsync(CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db.MaturityAssessments, user, id, cancellationToken);
        if (found.Value is not { } entity)
        {
            return found.As<MaturityCase>();
        }

        var current = ToCase(entity, 0);
        return current.IsCompleted ? words.Finished(current) : Outcome.Ok(current);
    }

    /// <summary>The assessment as a case, numbered in its organisation's series (no access check: the caller made it).</summary>
    public async Task<MaturityCase> CaseAsync(Guid organisationId, Guid id, CancellationToken cancellationToken)
    {
        var series = await SeriesAsync(organisationId, cancellationToken);
        var index = series.ToList().FindIndex(m => m.Id == id);
        return ToCase(series[index], index);
    }

    /// <summary>The organisation's assessment still in progress, if there is one (at most one is).</summary>
    public async Task<MaturitySummary?> InProgressAsync(Guid organisationId, CancellationToken cancellationToken) =>
        (await ListAsync(organisationId, cancellationToken)).FirstOrDefault(m => !m.IsCompleted);

    public MaturityCase ToCase(MaturityAssessment entity, int number) =>
        reference.TryGet(entity.InstrumentId, entity.InstrumentVersion, out var instrument)
            ? new MaturityCase(entity, instrument, number)
            : throw new InvalidOperationException($"Maturity assessment {entity.Id} was made with instrument {entity.InstrumentId}/{entity.InstrumentVersion}, which this node does not have.");
}
