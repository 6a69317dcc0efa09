using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HiTech.Web.Features.Enterprises;

/// <summary>Removes a unit, if it is not the organisation's last one and nobody changed it meanwhile.</summary>
public sealed class RemoveUnit(
    AppDbContext db,
    EnterpriseAccess access,
    ReadOrganisation read,
    ConcurrencyMessages concurrency,
    AuditLog audit,
    IStringLocalizer<EnterprisesText> l)
{
    public async Task<Outcome<UnitView>> RemoveAsync(CurrentUser user, Guid organisationId, Guid unitId, int? version, CancellationToken cancellationToken)
    {
        if (await access.CanChangeAsync(user, organisationId, cancellationToken) is not OutcomeStatus.Ok and var denied)
        {
            return denied == OutcomeStatus.Forbidden ? Outcome.Forbidden<UnitView>() : Outcome.NotFound<UnitView>();
        }

        var unit = await db.Units.FindAsync([unitId], cancellationToken);
        if (unit is null || unit.OrganisationId != organisationId)
        {
            return Outcome.NotFound<UnitView>();
        }

        if (version is null)
        {
            return Outcome.Invalid<UnitView>(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["version"] = l["Give the version you read, so that a change saved meanwhile is not overwritten"],
            });
        }

        if (unit.Version != version)
        {
            return Outcome.Conflict(await concurrency.StaleAsync(SaveUnit.AuditEntity, unitId, cancellationToken), read.ToView(unit));
        }

        if (!await db.Units.AnyAsync(u => u.OrganisationId == organisationId && u.Id != unitId, cancellationToken))
        {
            return Outcome.Conflict<UnitView>(l["Your enterprise needs at least one unit. Add the other unit first, then remove this one."]);
        }

        var removed = read.ToView(unit);
        Saving.ExpectVersion(db, unit, version.Value);
        db.Units.Remove(unit);
        audit.Record(user, SaveUnit.AuditEntity, unitId.ToString(), AuditAction.Delete, UnitSnapshot.Of(unit), null);
        if (!await Saving.TrySaveAsync(db, cancellationToken))
        {
            var current = await read.LoadUnitAsync(organisationId, unitId, cancellationToken);
            return current is null
                ? Outcome.Conflict<UnitView>(concurrency.Removed())
                : Outcome.Conflict(await concurrency.StaleAsync(SaveUnit.AuditEntity, unitId, cancellationToken), current);
        }

        return Outcome.Ok(removed);
    }
}
