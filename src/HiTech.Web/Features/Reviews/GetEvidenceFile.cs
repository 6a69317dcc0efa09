using HiTech.Web.Infrastructure.Storage;

namespace HiTech.Web.Features.Reviews;

/// <summary>
/// An evidence file for viewing: only the assessor the assessment is assigned to, the owning organisation
/// and admins. Anyone else (other assessors, the open queue before it is taken, analysts) gets 404.
/// </summary>
public sealed class GetEvidenceFile(AppDbContext db, EvidenceStore store)
{
    public async Task<Outcome<(EvidenceFile File, Stream Content)>> ExecuteAsync(Guid fileId, CurrentUser user, CancellationToken cancellationToken)
    {
        var found = await (
                from f in db.EvidenceFiles.AsNoTracking()
                where f.Id == fileId
                join a in db.Assessments.AsNoTracking() on f.AssessmentId equals a.Id
                select new { File = f, a.OrganisationId, a.AssessorId })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || !AssessmentPolicy.MaySeeEvidence(user, found.OrganisationId, found.AssessorId))
        {
            return Outcome.NotFound<(EvidenceFile, Stream)>();
        }

        try
        {
            return Outcome.Ok((found.File, await store.OpenReadAsync(found.File, cancellationToken)));
        }
        catch (FileNotFoundException)
        {
            return Outcome.NotFound<(EvidenceFile, Stream)>();
        }
    }

    /// <summary>Only the types the store accepts are served, and as themselves; anything else is a download.</summary>
    public static bool IsViewable(string contentType) => contentType is EvidenceStore.Pdf or EvidenceStore.Png or EvidenceStore.Jpeg;
}
