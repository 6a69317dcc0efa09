using HiTech.Web.Infrastructure.Storage;

namespace HiTech.Web.Features.Assessments;

/// <summary>
/// Streams a document to those who may see the evidence (<see cref="AssessmentPolicy.MaySeeEvidence"/>): the owner's
/// organisation, the assessor it is assigned to, or an admin. An assessor browsing the open queue gets 404.
/// </summary>
public sealed class DownloadEvidence(AppDbContext db, EvidenceStore store, AssessmentWords words)
{
    public async Task<Outcome<(EvidenceFile File, Stream Content)>> ExecuteAsync(CurrentUser user, Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        var found = await words.FindForReadAsync(db.Assessments.AsNoTracking(), user, id, cancellationToken);
        if (found.Value is not { } assessment)
        {
            return found.As<(EvidenceFile, Stream)>();
        }

        var file = AssessmentPolicy.MaySeeEvidence(user, assessment.OrganisationId, assessment.AssessorId)
            ? await db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.AssessmentId == id, cancellationToken)
            : null;
        try
        {
            return file is null ? words.Refused<(EvidenceFile, Stream)>(OutcomeKind.NotFound) : Outcome.Ok((file, await store.OpenReadAsync(file, cancellationToken)));
        }
        catch (FileNotFoundException)
        {
            return words.Refused<(EvidenceFile, Stream)>(OutcomeKind.NotFound);
        }
    }
}
