namespace HiTech.Web.Data.Entities;

/// <summary>
/// What an accepted introduction became: a model (testing service, contract R&amp;D ...), agreed scope, value band,
/// start, milestones and, at the end, its outcome. Both sides are asked at 30 and 90 days what happened
/// (<see cref="PartnershipFollowUp"/>); the answers feed the department's figures.
/// </summary>
public sealed class Partnership
{
    public Guid Id { get; set; }

    public Guid IntroductionId { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid ProviderId { get; set; }

    /// <summary>A partnership model id (data/collaboration/partnership-models.csv).</summary>
    public string Model { get; set; } = "";

    public string Scope { get; set; } = "";

    /// <summary>A value band id, or "" when not stated.</summary>
    public string ValueBand { get; set; } = "";

    public DateOnly StartOn { get; set; }

    public PartnershipStatus Status { get; set; } = PartnershipStatus.Active;

    public DateTimeOffset CreatedAt { get; set; }

    public Guid CreatedBy { get; set; }

    // The outcome, recorded when the partnership ends.
    public DateOnly? EndedOn { get; set; }

    public int ProductsLaunched { get; set; }

    public int PatentsOrDesignsFiled { get; set; }

    /// <summary>A certification id obtained through the partnership, or "".</summary>
    public string CertificationObtained { get; set; } = "";

    public int JobsCreated { get; set; }

    public string OutcomeNote { get; set; } = "";

    public List<PartnershipMilestone> Milestones { get; set; } = [];

    public int Version { get; set; }
}

public enum PartnershipStatus
{
    Active,
    Completed,

    /// <summary>Stopped before completion.</summary>
    Ended,
}

public sealed class PartnershipMilestone
{
    public Guid Id { get; set; }

    public Guid PartnershipId { get; set; }

    public string Title { get; set; } = "";

    public DateOnly? DueOn { get; set; }

    public DateOnly? DoneOn { get; set; }
}

/// <summary>The platform's question to one side at 30 or 90 days ("what happened?"), and the answer.</summary>
public sealed class PartnershipFollowUp
{
    public Guid Id { get; set; }

    public Guid PartnershipId { get; set; }

    /// <summary>30 or 90.</summary>
    public int Day { get; set; }

    public IntroductionSide Side { get; set; }

    public DateOnly DueOn { get; set; }

    public DateTimeOffset? AskedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public Guid? AnsweredBy { get; set; }

    /// <summary>on-track, delayed, completed, stopped.</summary>
    public string Progress { get; set; } = "";

    public string Note { get; set; } = "";
}

/// <summary>One side's rating of the other after a partnership (1 to 5); shown only as aggregates.</summary>
public sealed class PartnershipRating
{
    public Guid PartnershipId { get; set; }

    /// <summary>The side that gives the rating.</summary>
    public IntroductionSide Side { get; set; }

    public int Stars { get; set; }

    public DateTimeOffset RatedAt { get; set; }
}
