using HiTech.Core.Frameworks;
using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Audit;
using HiTech.Web.Infrastructure.Frameworks;
using HiTech.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Features.Assessments;

public enum EvidenceStatus
{
    Done,

    /// <summary>The file was refused: see <see cref="EvidenceOutcome.Refusal"/> (empty, too-large, wrong-type, missing).</summary>
    Refused,

    /// <summary>The assessment's framework has no such input.</summary>
    UnknownInput,

    NotFound,
    Forbidden,
    NotEditable,
}

public sealed record EvidenceOutcome(EvidenceStatus Status, EvidenceFile? File = null, string? Refusal = null);

/// <summary>
/// Keeps a document in support of one input: checked by content and size by <see cref="EvidenceStore"/>, then
/// recorded, and the input's evidence becomes "document-backed" (never "verified": only an assessor verifies).
/// Does not change the assessment's version, so uploading never makes an open form stale.
/// </summary>
public sealed class UploadEvidence(AppDbContext db, FrameworkStore frameworks, EvidenceStore store, AuditLog audit)
{
    public async Task<EvidenceOutcome> ExecuteAsync(CurrentUser user, Guid id, string inputId, Stream? content, string? fileName, CancellationToken cancellationToken)
    {
        var (status, _) = await EvidenceRules.CheckEditableAsync(db, frameworks, user, id, inputId, cancellationToken);
        if (status != EvidenceStatus.Done)
        {
            return new EvidenceOutcome(status);
        }

        if (content is null)
        {
            return new EvidenceOutcome(EvidenceStatus.Refused, Refusal: "missing");
        }

        var (file, refusal) = await store.SaveAsync(content, fileName ?? "", id, inputId, user.RequiredId, cancellationToken);
        if (file is null)
        {
            return new EvidenceOutcome(EvidenceStatus.Refused, Refusal: refusal);
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
        return new EvidenceOutcome(EvidenceStatus.Done, file);
    }
}

/// <summary>The checks every evidence change makes first.</summary>
internal static class EvidenceRules
{
    /// <summary>Is the assessment there, the user's to change, still with the enterprise, and the input one of its framework's?</summary>
    public static async Task<(EvidenceStatus Status, Assessment? Assessment)> CheckEditableAsync(
        AppDbContext db, FrameworkStore frameworks, CurrentUser user, Guid id, string? inputId, CancellationToken cancellationToken)
    {
        var (check, found) = await AssessmentAccess.FindEditableAsync(db.Assessments.AsNoTracking(), user, id, cancellationToken);
        if (check != EditCheck.Editable || found is not { } assessment)
        {
            return check switch
            {
                EditCheck.Forbidden => (EvidenceStatus.Forbidden, null),
                EditCheck.NotEditable => (EvidenceStatus.NotEditable, found),
                _ => (EvidenceStatus.NotFound, null),
            };
        }

        if (inputId is not null)
        {
            var framework = await frameworks.GetAsync(assessment.FrameworkId, assessment.FrameworkVersion, cancellationToken);
            if (!framework.InputsById.ContainsKey(inputId))
            {
                return (EvidenceStatus.UnknownInput, assessment);
            }
        }

        return (EvidenceStatus.Done, assessment);
    }
}
