namespace HiTech.Web.Features.Assessments;

/// <summary>Removes a document while the enterprise holds the assessment; the input goes back to self-declared when it was the last one.</summary>
public sealed class RemoveEvidence(AppDbContext db, FrameworkStore frameworks, AssessmentWords words, AuditLog audit)
{
    /// <summary>The file removed.</summary>
    public async Task<Outcome<EvidenceFile>> ExecuteAsync(CurrentUser user, Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        var file = await db.EvidenceFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.AssessmentId == id, cancellationToken);
        var found = await EvidenceRules.FindEditableAsync(db, frameworks, words, user, id, file?.InputId, cancellationToken);
        if (!found.IsOk)
        {
            return found.As<EvidenceFile>();
        }

        if (file is null)
        {
            return words.Refused<EvidenceFile>(OutcomeKind.NotFound);
        }

        db.EvidenceFiles.Remove(file);
        var others = await db.EvidenceFiles.AnyAsync(f => f.AssessmentId == id && f.InputId == file.InputId && f.Id != fileId, cancellationToken);
        if (!others && await db.AssessmentInputs.FirstOrDefaultAsync(i => i.AssessmentId == id && i.InputId == file.InputId, cancellationToken) is { Evidence: EvidenceLevel.DocumentBacked } row)
        {
            row.Evidence = EvidenceLevel.SelfDeclared;
        }

        // The bytes stay on disk: they are named by content and may back another assessment's file.
        audit.Record(user, nameof(Assessment), id.ToString(), AuditAction.RemoveEvidence, new { input = file.InputId, file = file.Id, name = file.FileName, sha256 = file.Sha256 }, null);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(file);
    }
}
