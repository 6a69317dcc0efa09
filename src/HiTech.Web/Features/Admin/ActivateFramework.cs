namespace HiTech.Web.Features.Admin;

/// <summary>Makes a published framework version the one new assessments use; assessments keep the version they started with. Audited.</summary>
public sealed class ActivateFramework(AppDbContext db, FrameworkStore store, AuditLog audit)
{
    /// <summary>Makes a version the one new assessments use; the version active before stays published and keeps its assessments.</summary>
    public async Task<Outcome<FrameworkVersion>> ExecuteAsync(Guid id, CurrentUser by, CancellationToken cancellationToken)
    {
        var chosen = await db.FrameworkVersions.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (chosen is null)
        {
            return Outcome.NotFound<FrameworkVersion>();
        }

        if (chosen.Active)
        {
            return Outcome.Ok(chosen);
        }

        // It must still compile on this node before it is offered to anyone.
        await store.GetAsync(chosen.FrameworkId, chosen.Version, cancellationToken);
        var previous = await db.FrameworkVersions.Where(f => f.FrameworkId == chosen.FrameworkId && f.Active).ToListAsync(cancellationToken);
        foreach (var old in previous)
        {
            old.Active = false;
        }

        chosen.Active = true;
        audit.Record(by, "FrameworkVersion", chosen.Id.ToString(), AuditAction.Activate, new { framework = chosen.FrameworkId, active = previous.Select(p => p.Version).ToArray() }, new { framework = chosen.FrameworkId, active = new[] { chosen.Version } });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(chosen);
    }
}
