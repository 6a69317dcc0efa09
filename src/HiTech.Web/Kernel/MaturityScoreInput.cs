using HiTech.Core.Maturity;

namespace HiTech.Web.Kernel;

/// <summary>
/// A finished digital maturity score written as an assessment's <c>digital_maturity</c> input: self-declared, pending
/// the assessor's review, audited. The one writer for both ways a score arrives: finishing a maturity assessment while
/// an assessment is open (Maturity), and starting an assessment after one was finished (Assessments).
/// </summary>
public static class MaturityScoreInput
{
    public const string InputId = DigitalMaturityLift.InputId;

    /// <summary>Sets the input (adding its row when there is none) and returns the value it held before.</summary>
    public static decimal? Apply(AppDbContext db, AuditLog audit, CurrentUser user, Assessment assessment, AssessmentInput? row, decimal value, Guid? maturityId)
    {
        var before = row is null ? null : Snapshot(row, null);
        if (row is null)
        {
            // Added explicitly: found through the navigation, a row with its key already set would be taken for an existing one.
            row = new AssessmentInput { Id = Guid.NewGuid(), AssessmentId = assessment.Id, InputId = InputId };
            db.AssessmentInputs.Add(row);
        }

        var previous = row.Number;
        row.Number = value;
        row.Flag = null;
        row.Text = null;
        row.Evidence = EvidenceLevel.SelfDeclared;
        row.Review = ReviewState.Pending;
        row.ReviewNote = null;
        audit.Record(user, nameof(Assessment), assessment.Id.ToString(), AuditAction.ApplyMaturityScore, before, Snapshot(row, maturityId));
        return previous;
    }

    private static object Snapshot(AssessmentInput row, Guid? maturityId) => new
    {
        input = row.InputId,
        number = row.Number,
        evidence = EvidenceLevels.ToId(row.Evidence),
        review = row.Review.ToString().ToLowerInvariant(),
        maturityAssessment = maturityId,
    };
}
