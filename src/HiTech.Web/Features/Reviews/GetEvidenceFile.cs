using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Features.Reviews;

/// <summary>
/// An evidence file for viewing: only the assessor the assessment is assigned to, the owning organisation
/// and admins. Anyone else (other assessors, the open queue before it is taken, analysts) gets 404.
/// </summary>
public sealed class GetEvidenceFile(AppDbContext db, EvidenceStore store)
{
    public async Task<(EvidenceFile File, Stream Content)?> RunAsync(Guid fileId, CurrentUser user, CancellationToken cancellationToken)
    {
        var found = await (
                from f in db.EvidenceFiles.AsNoTracking()
                where f.Id == fileId
                join a in db.Assessments.AsNoTracking() on f.AssessmentId equals a.Id
                select new { File = f, a.OrganisationId, a.AssessorId })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var allowed = user.IsAdmin
            || user.OwnsOrganisation(found.OrganisationId)
            || (user.IsAssessor && user.Id is { } me && found.AssessorId == me);
        if (!allowed)
        {
            return null;
        }

        try
        {
            return (found.File, store.OpenRead(found.File));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Only the types the store accepts are served, and as themselves; anything else is a download.</summary>
    public static bool IsViewable(string contentType) => contentType is EvidenceStore.Pdf or EvidenceStore.Png or EvidenceStore.Jpeg;
}
