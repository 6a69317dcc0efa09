namespace HiTech.Web.Features.Enterprises.Activities;

/// <summary>/enterprise/activities/{id}/remove: confirm, then remove an activity.</summary>
public sealed class RemoveModel(ReadOrganisation read, RemoveActivity remove, EnterpriseLabels labels, IStringLocalizer<EnterprisesText> l)
    : RemovePage<Data.Entities.Activity, ActivityView>(read, remove)
{
    public ActivityView Activity => Part;

    public IReadOnlyList<StageOption> Stages { get; private set; } = [];

    protected override string ListedAt => "/enterprise#activities";

    protected override ActivityView? Find(OrganisationView organisation, Guid id) => organisation.Activities.FirstOrDefault(a => a.Id == id);

    protected override int VersionOf(ActivityView part) => part.Version;

    protected override string RemovedMessage(ActivityView part) =>
        l["Activity {0} is removed. Check that the other activities' shares still add up to 100%.", part.Code];

    protected override async Task PrepareAsync(CancellationToken cancellationToken) => Stages = await labels.StagesAsync(cancellationToken);
}
