using HiTech.Web.Data.Entities;

namespace HiTech.Web.Tests.Reviews;

/// <summary>The one table of status moves (<see cref="AssessmentLifecycle"/>), tested on the aggregate itself.</summary>
public sealed class AssessmentLifecycleTests
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Assessor = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<AssessmentStage, AssessmentMove, AssessmentStage> AllowedMoves()
    {
        var data = new TheoryData<AssessmentStage, AssessmentMove, AssessmentStage>();
        foreach (var (from, move, _, to) in AssessmentLifecycle.Moves)
        {
            data.Add(from, move, to);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Every_allowed_move_leads_where_the_table_says(AssessmentStage from, AssessmentMove move, AssessmentStage to)
    {
        // Returned without an assessor, so a resubmission lands in the open queue (the test below has one with).
        var assessment = At(from, assessor: null);
        Assert.True(assessment.CanApply(move));

        assessment.Apply(move, By(move), Now);

        Assert.Equal(to, assessment.Stage);
        Assert.Equal(Now, assessment.UpdatedAt);
    }

    [Theory]
    [InlineData(AssessmentStage.Draft, AssessmentMove.Approve)]
    [InlineData(AssessmentStage.Draft, AssessmentMove.Take)]
    [InlineData(AssessmentStage.Draft, AssessmentMove.Return)]
    [InlineData(AssessmentStage.Submitted, AssessmentMove.Submit)]
    [InlineData(AssessmentStage.InReview, AssessmentMove.Take)]
    [InlineData(AssessmentStage.Approved, AssessmentMove.Submit)]
    [InlineData(AssessmentStage.Approved, AssessmentMove.Approve)]
    [InlineData(AssessmentStage.Approved, AssessmentMove.Return)]
    [InlineData(AssessmentStage.Returned, AssessmentMove.Take)]
    [InlineData(AssessmentStage.Returned, AssessmentMove.Approve)]
    public void An_illegal_move_is_refused_and_changes_nothing(AssessmentStage from, AssessmentMove move)
    {
        var assessment = At(from, Assessor);
        var status = assessment.Status;
        Assert.False(assessment.CanApply(move));

        var refused = Assert.Throws<IllegalAssessmentMoveException>(() => assessment.Apply(move, By(move), Now));

        Assert.Equal(from, refused.From);
        Assert.Equal(move, refused.Move);
        Assert.Equal(status, assessment.Status);
        Assert.Null(assessment.DecidedAt);
    }

    [Theory]
    [InlineData(AssessmentMove.Take)]
    [InlineData(AssessmentMove.Approve)]
    [InlineData(AssessmentMove.Return)]
    public void An_assessors_move_from_the_open_queue_assigns_the_assessor(AssessmentMove move)
    {
        var assessment = At(AssessmentStage.Submitted, assessor: null);

        assessment.Apply(move, Assessor, Now);

        Assert.Equal(Assessor, assessment.AssessorId);
    }

    [Theory]
    [InlineData(AssessmentMove.Approve, AssessmentStatus.Approved)]
    [InlineData(AssessmentMove.Return, AssessmentStatus.Returned)]
    public void A_decision_records_when_it_was_made(AssessmentMove move, AssessmentStatus status)
    {
        var assessment = At(AssessmentStage.InReview, Assessor);

        assessment.Apply(move, Assessor, Now);

        Assert.Equal(status, assessment.Status);
        Assert.Equal(Now, assessment.DecidedAt);
    }

    [Fact]
    public void Submitting_again_after_a_return_keeps_the_assessor_who_returned_it()
    {
        var assessment = At(AssessmentStage.Returned, Assessor);

        assessment.Apply(AssessmentMove.Submit, Owner, Now);

        Assert.Equal(AssessmentStatus.Submitted, assessment.Status);
        Assert.Equal(Now, assessment.SubmittedAt);
        Assert.Equal(Assessor, assessment.AssessorId);

        // So it goes straight back to them rather than into the open queue.
        Assert.Equal(AssessmentStage.InReview, assessment.Stage);
    }

    private static Guid By(AssessmentMove move) => AssessmentLifecycle.ActorOf(move) == AssessmentActor.Owner ? Owner : Assessor;

    /// <summary>An assessment at a stage. Submitted means nobody has taken it; in review means it has an assessor.</summary>
    private static Assessment At(AssessmentStage stage, Guid? assessor) => new()
    {
        Id = Guid.NewGuid(),
        Status = stage switch
        {
            AssessmentStage.Draft => AssessmentStatus.Draft,
            AssessmentStage.Submitted or AssessmentStage.InReview => AssessmentStatus.Submitted,
            AssessmentStage.Returned => AssessmentStatus.Returned,
            _ => AssessmentStatus.Approved,
        },
        AssessorId = stage switch
        {
            AssessmentStage.Draft or AssessmentStage.Submitted => null,
            AssessmentStage.InReview => Assessor,
            _ => assessor,
        },
    };
}
