using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Audit;
using Microsoft.Extensions.Localization;

namespace HiTech.Web.Features.Enterprises;

/// <summary>Removes an activity, if nobody changed it meanwhile.</summary>
public sealed class RemoveActivity(
    AppDbContext db,
    EnterpriseAccess access,
    ReadOrganisation read,
    ConcurrencyMessages concurrency,
    AuditLog audit,
    IStringLocalizer<EnterprisesText> l)
{
    public async Task<Outcome<ActivityView>> RemoveAsync(CurrentUser user, Guid organisationId, Guid activityId, int? version, CancellationToken cancellationToken)
    {
        if (await access.CanChangeAsync(user, organisationId, cancellationToken) is not OutcomeStatus.Ok and var denied)
        {
            return denied == OutcomeStatus.Forbidden ? Outcome.Forbidden<ActivityView>() : Outcome.NotFound<ActivityView>();
        }

        var activity = await db.Activities.FindAsync([activityId], cancellationToken);
        if (activity is null || activity.OrganisationId != organisationId)
        {
            return Outcome.NotFound<ActivityView>();
        }

        if (version is null)
        {
            return Outcome.Invalid<ActivityView>(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["version"] = l["Give the version you read, so that a change saved meanwhile is not overwritten"],
            });
        }

        if (activity.Version != version)
        {
            return Outcome.Conflict(await concurrency.StaleAsync(SaveActivity.AuditEntity, activityId, cancellationToken), read.ToView(activity));
        }

        var removed = read.ToView(activity);
        Saving.ExpectVersion(db, activity, version.Value);
        db.Activities.Remove(activity);
        audit.Record(user, SaveActivity.AuditEntity, activityId.ToString(), AuditAction.Delete, ActivitySnapshot.Of(activity), null);
        if (!await Saving.TrySaveAsync(db, cancellationToken))
        {
            var current = await read.LoadActivityAsync(organisationId, activityId, cancellationToken);
            return current is null
                ? Outcome.Conflict<ActivityView>(concurrency.Removed())
                : Outcome.Conflict(await concurrency.StaleAsync(SaveActivity.AuditEntity, activityId, cancellationToken), current);
        }

        return Outcome.Ok(removed);
    }
}
