using HiTech.Web.Data.Entities;
using HiTech.Web.Kernel;

namespace HiTech.Web.Tests.Introductions;

/// <summary>The one table of an introduction's status moves (<see cref="IntroductionLifecycle"/>), and working days.</summary>
public sealed class IntroductionLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<IntroductionMove, IntroductionActor, IntroductionStatus> AllowedMoves()
    {
        var data = new TheoryData<IntroductionMove, IntroductionActor, IntroductionStatus>();
        foreach (var (_, move, by, to) in IntroductionLifecycle.Moves)
        {
            data.Add(move, by, to);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void A_sent_introduction_moves_where_the_table_says(IntroductionMove move, IntroductionActor by, IntroductionStatus to)
    {
        var introduction = new Introduction { Status = IntroductionStatus.Sent };
        var user = Guid.NewGuid();

        introduction.Apply(move, by, user, Now, "Fully booked until June");

        Assert.Equal(to, introduction.Status);
        var answered = move is IntroductionMove.Accept or IntroductionMove.Decline;
        Assert.Equal(answered ? Now : null, introduction.AnsweredAt);
        Assert.Equal(answered ? user : null, introduction.AnsweredBy);
        Assert.Equal(move == IntroductionMove.Decline ? "Fully booked until June" : "", introduction.DeclineReason);
    }

    [Theory]
    [InlineData(IntroductionStatus.Sent, IntroductionMove.Accept, IntroductionActor.Sender)]
    [InlineData(IntroductionStatus.Sent, IntroductionMove.Decline, IntroductionActor.Sender)]
    [InlineData(IntroductionStatus.Sent, IntroductionMove.Withdraw, IntroductionActor.Receiver)]
    [InlineData(IntroductionStatus.Sent, IntroductionMove.Expire, IntroductionActor.Receiver)]
    [InlineData(IntroductionStatus.Accepted, IntroductionMove.Decline, IntroductionActor.Receiver)]
    [InlineData(IntroductionStatus.Accepted, IntroductionMove.Withdraw, IntroductionActor.Sender)]
    [InlineData(IntroductionStatus.Accepted, IntroductionMove.Expire, IntroductionActor.Platform)]
    [InlineData(IntroductionStatus.Declined, IntroductionMove.Accept, IntroductionActor.Receiver)]
    [InlineData(IntroductionStatus.Expired, IntroductionMove.Accept, IntroductionActor.Receiver)]
    [InlineData(IntroductionStatus.Withdrawn, IntroductionMove.Accept, IntroductionActor.Receiver)]
    [InlineData(IntroductionStatus.Expired, IntroductionMove.Withdraw, IntroductionActor.Sender)]
    public void An_illegal_move_is_refused_and_changes_nothing(IntroductionStatus from, IntroductionMove move, IntroductionActor by)
    {
        var introduction = new Introduction { Status = from };
        Assert.False(introduction.CanApply(move, by));

        var refused = Assert.Throws<IllegalIntroductionMoveException>(() => introduction.Apply(move, by, Guid.NewGuid(), Now, "reason"));

        Assert.Equal(from, refused.From);
        Assert.Equal(from, introduction.Status);
        Assert.Null(introduction.AnsweredAt);
        Assert.Equal("", introduction.DeclineReason);
    }

    [Theory]
    // Monday 10:00 IST + 5 working days: the next Monday. Friday + 1: Monday. Saturday + 1: Tuesday (Monday is day 0).
    [InlineData("2026-03-02T04:30:00Z", 5, "2026-03-09T04:30:00Z")]
    [InlineData("2026-03-06T04:30:00Z", 1, "2026-03-09T04:30:00Z")]
    [InlineData("2026-03-07T04:30:00Z", 1, "2026-03-10T04:30:00Z")]
    [InlineData("2026-03-04T04:30:00Z", 0, "2026-03-04T04:30:00Z")]
    // Friday 23:00 IST is Friday 17:30 UTC: counted as Friday in Kerala, so +1 is Monday.
    [InlineData("2026-03-06T17:30:00Z", 1, "2026-03-09T17:30:00Z")]
    public void Working_days_skip_the_weekend_as_counted_in_Kerala(string from, int days, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WorkingDays.Add(DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days));
}
