namespace HiTech.Web.Data.Entities;

/// <summary>Where an assessment is in its life. "In review" is a submitted assessment an assessor has taken.</summary>
public enum AssessmentStage
{
    Draft,
    Submitted,
    InReview,
    Returned,
    Approved,
}

/// <summary>The changes of status an assessment can go through.</summary>
public enum AssessmentMove
{
    /// <summary>The enterprise hands it in (from draft, or again after it was returned).</summary>
    Submit,

    /// <summary>An assessor takes it from the open queue.</summary>
    Take,

    /// <summary>An assessor approves it: the result becomes final.</summary>
    Approve,

    /// <summary>An assessor sends it back to the enterprise with comments.</summary>
    Return,
}

/// <summary>Who makes a move: the organisation that owns the assessment, or an assessor who may review it.</summary>
public enum AssessmentActor
{
    Owner,
    Assessor,
}

/// <summary>Refused: the move is not allowed from the assessment's stage. Handlers check first, so this means a bug.</summary>
public sealed class IllegalAssessmentMoveException(AssessmentStage from, AssessmentMove move)
    : InvalidOperationException($"An assessment cannot {move} when it is {from}.")
{
    public AssessmentStage From { get; } = from;

    public AssessmentMove Move { get; } = move;
}

/// <summary>
/// The one table of allowed status changes, and who may make each. Every handler that changes an assessment's
/// status goes through <see cref="Assessment.Apply"/>, which refuses anything not listed here.
/// </summary>
public static class AssessmentLifecycle
{
    public static readonly IReadOnlyList<(AssessmentStage From, AssessmentMove Move, AssessmentActor By, AssessmentStage To)> Moves =
    [
        (AssessmentStage.Draft, AssessmentMove.Submit, AssessmentActor.Owner, AssessmentStage.Submitted),
        // Handed in again, it goes back to the assessor who returned it: then its stage is InReview, not Submitted.
        (AssessmentStage.Returned, AssessmentMove.Submit, AssessmentActor.Owner, AssessmentStage.Submitted),
        (AssessmentStage.Submitted, AssessmentMove.Take, AssessmentActor.Assessor, AssessmentStage.InReview),

        // An assessor may decide straight from the open queue: deciding takes it on the way.
        (AssessmentStage.Submitted, AssessmentMove.Approve, AssessmentActor.Assessor, AssessmentStage.Approved),
        (AssessmentStage.InReview, AssessmentMove.Approve, AssessmentActor.Assessor, AssessmentStage.Approved),
        (AssessmentStage.Submitted, AssessmentMove.Return, AssessmentActor.Assessor, AssessmentStage.Returned),
        (AssessmentStage.InReview, AssessmentMove.Return, AssessmentActor.Assessor, AssessmentStage.Returned),
    ];

    public static AssessmentStage StageOf(AssessmentStatus status, Guid? assessorId) => status switch
    {
        AssessmentStatus.Draft => AssessmentStage.Draft,
        AssessmentStatus.Submitted => assessorId is null ? AssessmentStage.Submitted : AssessmentStage.InReview,
        AssessmentStatus.Returned => AssessmentStage.Returned,
        _ => AssessmentStage.Approved,
    };

    /// <summary>The stage a move leads to from <paramref name="from"/>, made by <paramref name="by"/>; null when not allowed.</summary>
    public static AssessmentStage? Next(AssessmentStage from, AssessmentMove move, AssessmentActor by)
    {
        foreach (var row in Moves)
        {
            if (row.From == from && row.Move == move && row.By == by)
            {
                return row.To;
            }
        }

        return null;
    }

    public static AssessmentActor ActorOf(AssessmentMove move) => move == AssessmentMove.Submit ? AssessmentActor.Owner : AssessmentActor.Assessor;

    /// <summary>Inputs and evidence change only while the enterprise holds the assessment.</summary>
    public static bool IsEditable(AssessmentStatus status) => status is AssessmentStatus.Draft or AssessmentStatus.Returned;
}
