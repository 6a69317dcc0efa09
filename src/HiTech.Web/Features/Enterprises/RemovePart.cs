namespace HiTech.Web.Features.Enterprises;

/// <summary>
/// Removes a part of an organisation (a unit, an activity): only its owner, only against the version read, audited.
/// The answer is the part as it was, for the page's message.
/// </summary>
public abstract class RemovePart<TEntity, TView>(AppDbContext db, EnterpriseOutcomes outcomes, AuditLog audit)
    where TEntity : class
    where TView : class
{
    protected AppDbContext Db { get; } = db;

    protected abstract string AuditEntity { get; }

    protected abstract Guid OrganisationOf(TEntity part);

    protected abstract int VersionOf(TEntity part);

    protected abstract TView ToView(TEntity part);

    protected abstract object Snapshot(TEntity part);

    /// <summary>The part as saved now, or null when it is gone.</summary>
    protected abstract Task<TView?> LoadAsync(Guid organisationId, Guid id, CancellationToken cancellationToken);

    /// <summary>Why this part may not go (a conflict), or null when it may.</summary>
    protected virtual Task<string?> RefusalAsync(TEntity part, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public async Task<Outcome<TView>> ExecuteAsync(CurrentUser user, Guid organisationId, Guid id, int? version, CancellationToken cancellationToken)
    {
        if (await outcomes.RefuseChangeAsync<TView>(user, organisationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var part = await Db.Set<TEntity>().FindAsync([id], cancellationToken);
        if (part is null || OrganisationOf(part) != organisationId)
        {
            return outcomes.NotFound<TView>();
        }

        if (version is null)
        {
            return outcomes.Invalid<TView>(new Dictionary<string, string>(StringComparer.Ordinal) { ["version"] = outcomes.VersionMissing });
        }

        if (VersionOf(part) != version)
        {
            return await outcomes.StaleAsync(AuditEntity, id, ToView(part), cancellationToken);
        }

        if (await RefusalAsync(part, cancellationToken) is { } refusal)
        {
            return Outcome.Conflict<TView>(refusal);
        }

        var removed = ToView(part);
        Saving.ExpectVersion(Db, part, version.Value);
        Db.Remove(part);
        audit.Record(user, AuditEntity, id.ToString(), AuditAction.Delete, Snapshot(part), null);
        return await Saving.TrySaveAsync(Db, cancellationToken)
            ? Outcome.Ok(removed)
            : await outcomes.SavedMeanwhileAsync(AuditEntity, id, await LoadAsync(organisationId, id, cancellationToken), cancellationToken);
    }
}
