using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HiTech.Web.Features.Enterprises;

/// <summary>Changes an organisation's details (name, identifiers, district, address) if nobody changed them meanwhile.</summary>
public sealed class UpdateOrganisation(
    AppDbContext db,
    EnterpriseAccess access,
    EnterpriseRules rules,
    RegisterOrganisation register,
    ReadOrganisation read,
    ConcurrencyMessages concurrency,
    AuditLog audit,
    IStringLocalizer<EnterprisesText> l)
{
    public async Task<Outcome<OrganisationView>> UpdateAsync(CurrentUser user, Guid organisationId, OrganisationRequest request, CancellationToken cancellationToken)
    {
        if (await access.CanChangeAsync(user, organisationId, cancellationToken) is not OutcomeStatus.Ok and var denied)
        {
            return denied == OutcomeStatus.Forbidden ? Outcome.Forbidden<OrganisationView>() : Outcome.NotFound<OrganisationView>();
        }

        var organisation = await db.Organisations.Include(o => o.Units).Include(o => o.Activities).AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return Outcome.NotFound<OrganisationView>();
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = rules.Name(errors, request.Name);
        var udyam = rules.Udyam(errors, request.UdyamNumber);
        var gstin = rules.GstinOrNone(errors, request.Gstin);
        var district = rules.District(errors, request.District);
        var address = rules.Address(errors, request.Address);
        if (request.Version is null)
        {
            EnterpriseRules.Add(errors, "version", l["Give the version you read, so that a change saved meanwhile is not overwritten"]);
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<OrganisationView>(errors);
        }

        if (organisation.Version != request.Version)
        {
            return Outcome.Conflict(await concurrency.StaleAsync(RegisterOrganisation.AuditEntity, organisationId, cancellationToken), read.ToView(organisation));
        }

        if (udyam != organisation.UdyamNumber && await register.UdyamTakenAsync(udyam!, organisationId, cancellationToken))
        {
            var taken = new Dictionary<string, string>(StringComparer.Ordinal) { ["udyamNumber"] = register.UdyamTakenMessage() };
            return Outcome.Conflict<OrganisationView>(register.UdyamTakenMessage(), errors: taken);
        }

        var before = OrganisationSnapshot.Of(organisation);
        organisation.Name = name!;
        organisation.UdyamNumber = udyam!;
        organisation.Gstin = gstin;
        organisation.District = district!.Name;
        organisation.Address = address!;
        Saving.ExpectVersion(db, organisation, request.Version!.Value);
        audit.Record(user, RegisterOrganisation.AuditEntity, organisationId.ToString(), AuditAction.Update, before, OrganisationSnapshot.Of(organisation) with { Version = before.Version + 1 });
        bool saved;
        try
        {
            saved = await Saving.TrySaveAsync(db, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await register.UdyamTakenAsync(udyam!, organisationId, cancellationToken))
            {
                var taken = new Dictionary<string, string>(StringComparer.Ordinal) { ["udyamNumber"] = register.UdyamTakenMessage() };
                return Outcome.Conflict<OrganisationView>(register.UdyamTakenMessage(), errors: taken);
            }

            throw;
        }

        if (!saved)
        {
            var current = await read.LoadAsync(organisationId, cancellationToken);
            return current is null
                ? Outcome.NotFound<OrganisationView>()
                : Outcome.Conflict(await concurrency.StaleAsync(RegisterOrganisation.AuditEntity, organisationId, cancellationToken), current);
        }

        return Outcome.Ok(read.ToView(organisation));
    }
}
