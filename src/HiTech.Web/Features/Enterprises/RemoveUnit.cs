namespace HiTech.Web.Features.Enterprises;

/// <summary>Removes a unit, if it is not the organisation's last one and nobody changed it meanwhile.</summary>
public sealed class RemoveUnit(AppDbContext db, EnterpriseOutcomes outcomes, AuditLog audit, ReadOrganisation read, IStringLocalizer<EnterprisesText> l)
    : RemovePart<Unit, UnitView>(db, outcomes, audit)
{
    protected override string AuditEntity => SaveUnit.AuditEntity;

    protected override Guid OrganisationOf(Unit part) => part.OrganisationId;

    protected override int VersionOf(Unit part) => part.Version;

    protected override UnitView ToView(Unit part) => read.ToView(part);

    protected override object Snapshot(Unit part) => UnitSnapshot.Of(part);

    protected override Task<UnitView?> LoadAsync(Guid organisationId, Guid id, CancellationToken cancellationToken) => read.LoadUnitAsync(organisationId, id, cancellationToken);

    protected override async Task<string?> RefusalAsync(Unit part, CancellationToken cancellationToken) =>
        await Db.Units.AnyAsync(u => u.OrganisationId == part.OrganisationId && u.Id != part.Id, cancellationToken)
            ? null
            : l["Your enterprise needs at least one unit. Add the other unit first, then remove this one."].Value;
}
