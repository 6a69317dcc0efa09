namespace HiTech.Web.Features.Enterprises.Units;

/// <summary>/enterprise/units/{id}/remove: confirm, then remove a unit (not the last one).</summary>
public sealed class RemoveModel(ReadOrganisation read, RemoveUnit remove, IStringLocalizer<EnterprisesText> l)
    : RemovePage<Data.Entities.Unit, UnitView>(read, remove)
{
    public UnitView Unit => Part;

    protected override string ListedAt => "/enterprise#units";

    protected override UnitView? Find(OrganisationView organisation, Guid id) => organisation.Units.FirstOrDefault(u => u.Id == id);

    protected override int VersionOf(UnitView part) => part.Version;

    protected override string RemovedMessage(UnitView part) => l["{0} is removed.", part.Name];
}
