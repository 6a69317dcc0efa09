namespace HiTech.Web.Features.Enterprises;

/// <summary>
/// The Enterprises handlers' refusals, worded once in the user's language (they are the API's problem titles).
/// Rules collect one message per field; here they become the outcome's errors.
/// </summary>
public sealed class EnterpriseOutcomes(AppDbContext db, EnterpriseAccess access, IStringLocalizer<EnterprisesText> l)
{
    /// <summary>Null when the user may change the organisation; else 404, or 403 for someone who may only read it.</summary>
    public async Task<Outcome<T>?> RefuseChangeAsync<T>(CurrentUser user, Guid organisationId, CancellationToken cancellationToken) =>
        await access.ChangeAsync(user, organisationId, cancellationToken) is var kind && kind == OutcomeKind.Ok ? null
        : kind == OutcomeKind.Forbidden ? Forbidden<T>()
        : NotFound<T>();

    public Outcome<T> Forbidden<T>() => Outcome.Forbidden<T>(l["You may read this organisation but not change it"]);

    public Outcome<T> NotFound<T>() => Outcome.NotFound<T>(l["Not found"]);

    public Outcome<T> Invalid<T>(IReadOnlyDictionary<string, string> errors) =>
        Outcome.Invalid<T>(errors.ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal), l["Some of the values are not right"]);

    public string VersionMissing => l["Give the version you read, so that a change saved meanwhile is not overwritten"];

    /// <summary>Something that must be unique is taken already: 409, naming the field.</summary>
    public static Outcome<T> Duplicate<T>(string field, string message) =>
        Outcome.Conflict<T>(message, errors: new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    /// <summary>Someone saved after the user read: nothing is saved; <c>current</c> is what is saved now.</summary>
    public async Task<Outcome<T>> StaleAsync<T>(string entity, Guid id, T current, CancellationToken cancellationToken) =>
        Outcome.Conflict(await StaleMessageAsync(entity, id, cancellationToken), current) with
        {
            Extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["current"] = current },
        };

    /// <summary>A conditional save failed: the row was changed meanwhile (what is saved now) or removed (null).</summary>
    public async Task<Outcome<T>> SavedMeanwhileAsync<T>(string entity, Guid id, T? current, CancellationToken cancellationToken)
        where T : class =>
        current is null
            ? Outcome.Conflict<T>(l["Someone else removed this after you opened it. Your change has not been saved."])
            : await StaleAsync(entity, id, current, cancellationToken);

    /// <summary>When the saved version was made (from the audit log), and that the user's change was not saved, so nothing is lost silently.</summary>
    private async Task<string> StaleMessageAsync(string entity, Guid id, CancellationToken cancellationToken)
    {
        var key = id.ToString();
        var at = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == entity && a.EntityId == key)
            .OrderByDescending(a => a.Id)
            .Select(a => (DateTimeOffset?)a.At)
            .FirstOrDefaultAsync(cancellationToken);
        return at is { } when
            ? l["Someone else saved a change to this at {0}, after you opened it. Your change has not been saved. Check what is saved now, then make your change again if it is still needed.", Fmt.DateTime(when)]
            : l["Someone else saved a change to this after you opened it. Your change has not been saved. Check what is saved now, then make your change again if it is still needed."];
    }
}
