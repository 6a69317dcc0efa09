namespace HiTech.Web.Data.Entities;

/// <summary>The changes of status an introduction can go through.</summary>
public enum IntroductionMove
{
    /// <summary>The side that received it says yes: messages open, and the need's private details to the provider.</summary>
    Accept,

    /// <summary>The side that received it says no, with a reason.</summary>
    Decline,

    /// <summary>The side that sent it takes it back before an answer.</summary>
    Withdraw,

    /// <summary>The platform closes it, unanswered after a reminder and an escalation.</summary>
    Expire,
}

/// <summary>Who makes a move on an introduction.</summary>
public enum IntroductionActor
{
    Sender,
    Receiver,

    /// <summary>The deadlines job, not a person.</summary>
    Platform,
}

/// <summary>Refused: the move is not allowed from the introduction's status, or not by that actor. Handlers check first, so this means a bug.</summary>
public sealed class IllegalIntroductionMoveException(IntroductionStatus from, IntroductionMove move, IntroductionActor by)
    : InvalidOperationException($"An introduction cannot be moved by {move} ({by}) when it is {from}.")
{
    public IntroductionStatus From { get; } = from;

    public IntroductionMove Move { get; } = move;
}

/// <summary>
/// The one table of an introduction's allowed status changes, and who makes each. Every change of status goes
/// through <see cref="Apply"/>, which refuses anything not listed here: only a sent introduction moves, and only once.
/// </summary>
public static class IntroductionLifecycle
{
    public static readonly IReadOnlyList<(IntroductionStatus From, IntroductionMove Move, IntroductionActor By, IntroductionStatus To)> Moves =
    [
        (IntroductionStatus.Sent, IntroductionMove.Accept, IntroductionActor.Receiver, IntroductionStatus.Accepted),
        (IntroductionStatus.Sent, IntroductionMove.Decline, IntroductionActor.Receiver, IntroductionStatus.Declined),
        (IntroductionStatus.Sent, IntroductionMove.Withdraw, IntroductionActor.Sender, IntroductionStatus.Withdrawn),
        (IntroductionStatus.Sent, IntroductionMove.Expire, IntroductionActor.Platform, IntroductionStatus.Expired),
    ];

    /// <summary>The status a move leads to, or null when the table has no such row.</summary>
    public static IntroductionStatus? Next(IntroductionStatus from, IntroductionMove move, IntroductionActor by)
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

    /// <summary>The side that answers (the one that did not send it).</summary>
    public static IntroductionSide Receiver(this Introduction introduction) =>
        introduction.SentBy == IntroductionSide.Enterprise ? IntroductionSide.Provider : IntroductionSide.Enterprise;

    /// <summary>What <paramref name="side"/> is to this introduction: its sender or its receiver.</summary>
    public static IntroductionActor ActorOf(this Introduction introduction, IntroductionSide side) =>
        side == introduction.SentBy ? IntroductionActor.Sender : IntroductionActor.Receiver;

    public static bool CanApply(this Introduction introduction, IntroductionMove move, IntroductionActor by) =>
        Next(introduction.Status, move, by) is not null;

    /// <summary>Makes the move (an answer records who and when; a decline its reason), or throws when the table forbids it.</summary>
    public static void Apply(this Introduction introduction, IntroductionMove move, IntroductionActor by, Guid? user, DateTimeOffset now, string reason = "")
    {
        var next = Next(introduction.Status, move, by) ?? throw new IllegalIntroductionMoveException(introduction.Status, move, by);
        introduction.Status = next;
        if (move is IntroductionMove.Accept or IntroductionMove.Decline)
        {
            introduction.AnsweredAt = now;
            introduction.AnsweredBy = user;
        }

        if (move == IntroductionMove.Decline)
        {
            introduction.DeclineReason = reason;
        }
    }
}
