using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Features.Assessments;

/// <summary>Streams a document to the owner's organisation, an assessor who may see the assessment, or an admin.</summary>
public sealed class DownloadEvidence(AppDbContext db, EvidenceStore store)
{
    public async Task<(Access Access, EvidenceFile? File, Stream? Content)> ExecuteAsync(CurrentUser user, Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        if (AssessmentAccess.IsRefusedRole(user))
        {
            return (Access.Forbidden, null, null);
        }

        var assessment = await db.Assessments.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new { a.OrganisationId, a.Status, a.AssessorId })
            .FirstOrDefaultAsync(cancellationToken);
        if (assessment is null)
        {
            return (Access.NotFound, null, null);
        }

        var access = AssessmentAccess.Read(user, assessment.OrganisationId, assessment.Status, assessment.AssessorId);
        if (access != Access.Allowed)
        {
            return (access, null, null);
        }

        var file = await db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.AssessmentId == id, cancellationToken);
        if (file is null)
        {
            return (Access.NotFound, null, null);
        }

        try
        {
            return (Access.Allowed, file, store.OpenRead(file));
        }
        catch (FileNotFoundException)
        {
            return (Access.NotFound, null, null);
        }
    }
}
