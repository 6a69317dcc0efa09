namespace HiTech.Web.Features.Enterprises;

/// <summary>Removes an activity, if nobody changed it meanwhile.</summary>
public sealed class RemoveActivity(AppDbContext db, EnterpriseOutcomes outcomes, AuditLog audit, ReadOrganisation read)
    : RemovePart<Activity, ActivityView>(db, outcomes, audit)
{
    protected override string AuditEntity => SaveActivity.AuditEntity;

    protected override Guid OrganisationOf(Activity part) => part.OrganisationId;

    protected override int VersionOf(Activity part) => part.Version;

    protected override ActivityView ToView(Activity part) => read.ToView(part);

    protected override object Snapshot(Activity part) => ActivitySnapshot.Of(part);

    protected override Task<ActivityView?> LoadAsync(Guid organisationId, Guid id, CancellationToken cancellationToken) => read.LoadActivityAsync(organisationId, id, cancellationToken);
}
