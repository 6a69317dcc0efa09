namespace HiTech.Web.Data.Entities;

/// <summary>
/// An expression of interest between an enterprise's need and a provider, sent by either side and answered by the
/// other. Unanswered within the provider's commitment it is reminded, then escalated, then expires (freeing the
/// enterprise). Accepted, the two sides exchange messages and the need's private details open to the provider.
/// </summary>
public sealed class Introduction
{
    public Guid Id { get; set; }

    public Guid NeedId { get; set; }

    public Guid ProviderId { get; set; }

    /// <summary>The need's organisation, kept here so that access checks need no join.</summary>
    public Guid OrganisationId { get; set; }

    public IntroductionSide SentBy { get; set; }

    public Guid SentByUser { get; set; }

    public string Note { get; set; } = "";

    public IntroductionStatus Status { get; set; } = IntroductionStatus.Sent;

    public DateTimeOffset SentAt { get; set; }

    /// <summary>The answer is due by then (the provider's response commitment in working days).</summary>
    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public Guid? AnsweredBy { get; set; }

    public string DeclineReason { get; set; } = "";

    public DateTimeOffset? RemindedAt { get; set; }

    public DateTimeOffset? EscalatedAt { get; set; }

    public int Version { get; set; }
}

public enum IntroductionSide
{
    Enterprise,
    Provider,
}

public enum IntroductionStatus
{
    Sent,
    Accepted,
    Declined,

    /// <summary>Not answered in time (after a reminder and an escalation): the enterprise is free to go elsewhere.</summary>
    Expired,

    /// <summary>Taken back by the side that sent it before an answer.</summary>
    Withdrawn,
}

/// <summary>A message between the two sides of an accepted introduction; only they (and admins) read it.</summary>
public sealed class IntroductionMessage
{
    public Guid Id { get; set; }

    public Guid IntroductionId { get; set; }

    public Guid SenderId { get; set; }

    public IntroductionSide Side { get; set; }

    public string Body { get; set; } = "";

    public DateTimeOffset SentAt { get; set; }
}
