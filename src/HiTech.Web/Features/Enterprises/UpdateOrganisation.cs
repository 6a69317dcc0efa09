namespace HiTech.Web.Features.Enterprises;

/// <summary>Changes an organisation's details (name, identifiers, district, address) if nobody changed them meanwhile.</summary>
public sealed class UpdateOrganisation(
    AppDbContext db,
    EnterpriseOutcomes outcomes,
    EnterpriseRules rules,
    RegisterOrganisation register,
    ReadOrganisation read,
    AuditLog audit)
{
    public async Task<Outcome<OrganisationView>> ExecuteAsync(CurrentUser user, Guid organisationId, OrganisationRequest request, CancellationToken cancellationToken)
    {
        if (await outcomes.RefuseChangeAsync<OrganisationView>(user, organisationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var organisation = await db.Organisations.Include(o => o.Units).Include(o => o.Activities).AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return outcomes.NotFound<OrganisationView>();
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = rules.Name(errors, request.Name);
        var udyam = rules.Udyam(errors, request.UdyamNumber);
        var gstin = rules.GstinOrNone(errors, request.Gstin);
        var district = rules.District(errors, request.District);
        var address = rules.Address(errors, request.Address);
        if (request.Version is null)
        {
            EnterpriseRules.Add(errors, "version", outcomes.VersionMissing);
        }

        if (errors.Count > 0)
        {
            return outcomes.Invalid<OrganisationView>(errors);
        }

        if (organisation.Version != request.Version)
        {
            return await outcomes.StaleAsync(RegisterOrganisation.AuditEntity, organisationId, read.ToView(organisation), cancellationToken);
        }

        if (udyam != organisation.UdyamNumber && await register.UdyamTakenAsync(udyam!, organisationId, cancellationToken))
        {
            return register.UdyamTaken<OrganisationView>();
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
                return register.UdyamTaken<OrganisationView>();
            }

            throw;
        }

        if (!saved)
        {
            var current = await read.LoadAsync(organisationId, cancellationToken);
            return current is null
                ? outcomes.NotFound<OrganisationView>()
                : await outcomes.StaleAsync(RegisterOrganisation.AuditEntity, organisationId, current, cancellationToken);
        }

        return Outcome.Ok(read.ToView(organisation));
    }
}
