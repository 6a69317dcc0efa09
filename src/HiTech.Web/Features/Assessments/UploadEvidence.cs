using HiTech.Web.Infrastructure.Storage;

namespace HiTech.Web.Features.Assessments;

/// <summary>
/// Keeps a document in support of one input: checked by content and size by <see cref="EvidenceStore"/>, then
/// recorded, and the input's evidence becomes "document-backed" (never "verified": only an assessor verifies).
/// Does not change the assessment's version, so uploading never makes an open form stale. The name shown is the
/// uploaded name without what would hide or turn text around (<see cref="TextRules.Clean"/>): the file is kept anyway.
/// </summary>
public sealed class UploadEvidence(AppDbContext db, FrameworkStore frameworks, EvidenceStore store, AssessmentWords words, AuditLog audit)
{
    /// <summary>The file kept; a refused file is under <c>file</c>, an input the framework does not have under <c>inputId</c>.</summary>
    public async Task<Outcome<EvidenceFile>> ExecuteAsync(CurrentUser user, Guid id, string inputId, Stream? content, string? fileName, CancellationToken cancellationToken)
    {
        var found = await EvidenceRules.FindEditableAsync(db, frameworks, words, user, id, inputId, cancellationToken);
        if (!found.IsOk)
        {
            return found.As<EvidenceFile>();
        }

        var (file, refusal) = content is null ? (null, "missing") : await store.SaveAsync(content, TextRules.Clean(fileName), id, inputId, user.RequiredId, cancellationToken);
        if (file is null)
        {
            return Outcome.Invalid<EvidenceFile>("file", words.Refusal(refusal, store.MaxBytes));
        }

        db.EvidenceFiles.Add(file);
        var row = await db.AssessmentInputs.FirstOrDefaultAsync(i => i.AssessmentId == id && i.InputId == inputId, cancellationToken);
        if (row is null)
        {
            db.AssessmentInputs.Add(new AssessmentInput { Id = Guid.NewGuid(), AssessmentId = id, InputId = inputId, Evidence = EvidenceLevel.DocumentBacked, Review = ReviewState.Pending });
        }
        else if (row.Evidence == EvidenceLevel.SelfDeclared)
        {
            row.Evidence = EvidenceLevel.DocumentBacked;
        }

        audit.Record(user, nameof(Assessment), id.ToString(), AuditAction.AddEvidence, null, new { input = inputId, file = file.Id, name = file.FileName, type = file.ContentType, size = file.Size, sha256 = file.Sha256 });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(file);
    }
}

/// <summary>The checks every evidence change makes first.</summary>
internal static class EvidenceRules
{
    /// <summary>The assessment when it is the user's to change now and (when given) the input is one of its framework's.</summary>
    public static async Task<Outcome<Assessment>> FindEditableAsync(
        AppDbContext db, FrameworkStore frameworks, AssessmentWords words, CurrentUser user, Guid id, string? inputId, CancellationToken cancellationToken)
    {
        var found = await words.FindForChangeAsync(db.Assessments.AsNoTracking(), user, id, cancellationToken);
        if (found.Value is not { } assessment || inputId is null)
        {
            return found;
        }

        var framework = await frameworks.GetAsync(assessment.FrameworkId, assessment.FrameworkVersion, cancellationToken);
        return framework.InputsById.ContainsKey(inputId) ? found : Outcome.Invalid<Assessment>("inputId", words.UnknownInput(inputId));
    }
}
