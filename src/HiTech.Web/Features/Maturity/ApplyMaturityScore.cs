namespace HiTech.Web.Features.Maturity;

/// <summary>
/// Enters a finished maturity assessment's overall score in the organisation's open assessment again, for an
/// assessment started after the maturity assessment was finished. The value is where it went, or null when there is
/// nothing to enter it in (or someone changed the assessment meanwhile).
/// </summary>
public sealed class ApplyMaturityScore(AppDbContext db, GetMaturity get, DigitalMaturityFlow flow)
{
    public async Task<Outcome<FlowTarget?>> ExecuteAsync(CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var found = await get.FindAsync(db.MaturityAssessments.AsNoTracking(), user, id, cancellationToken);
        if (found.Value is not { } entity)
        {
            return found.As<FlowTarget?>();
        }

        if (entity is not { CompletedAt: not null, Overall: { } overall })
        {
            return Outcome.Ok<FlowTarget?>(null);
        }

        var target = await flow.ApplyAsync(user, entity.OrganisationId, overall, entity.Id, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Ok<FlowTarget?>(null);
        }

        return Outcome.Ok(target);
    }
}
