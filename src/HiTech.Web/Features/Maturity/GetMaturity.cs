using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Kernel;
using Microsoft.EntityFrameworkCore;

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
public sealed class GetMaturity(AppDbContext db, MaturityReference reference)
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

    public async Task<Outcome<MaturityCase>> ExecuteAsync(CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        if (!user.IsEnterprise)
        {
            return Outcome.Forbidden<MaturityCase>();
        }

        var organisation = await db.MaturityAssessments.AsNoTracking().Where(m => m.Id == id).Select(m => (Guid?)m.OrganisationId).FirstOrDefaultAsync(cancellationToken);
        if (organisation is not { } owner || !user.OwnsOrganisation(owner))
        {
            return Outcome.NotFound<MaturityCase>();
        }

        return Outcome.Ok(await CaseAsync(owner, id, cancellationToken));
    }

    /// <summary>The assessment as a case, numbered in its organisation's series.</summary>
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
