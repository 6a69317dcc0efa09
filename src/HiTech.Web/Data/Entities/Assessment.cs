namespace HiTech.Web.Data.Entities;

/// <summary>An organisation's assessment for one financial year under one framework version.</summary>
public sealed class Assessment
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    /// <summary>The financial year's first calendar year: 2024 means FY 2024-25.</summary>
    public int Year { get; set; }

    public string FrameworkId { get; set; } = "";

    public string FrameworkVersion { get; set; } = "";

    public AssessmentStatus Status { get; set; }

    public Guid? AssessorId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The assessor's comments when returning or approving.</summary>
    public string? ReviewComments { get; set; }

    /// <summary>Optimistic concurrency token: two people saving the same version, the second is told.</summary>
    public int Version { get; set; }

    public List<AssessmentInput> Inputs { get; set; } = [];

    public List<EvidenceFile> Evidence { get; set; } = [];

    public AssessmentStage Stage => AssessmentLifecycle.StageOf(Status, AssessorId);

    /// <summary>May this move be made now (by whoever the table says makes it)?</summary>
    public bool CanApply(AssessmentMove move) => AssessmentLifecycle.Next(Stage, move, AssessmentLifecycle.ActorOf(move)) is not null;

    /// <summary>
    /// Makes a move from <see cref="AssessmentLifecycle"/>, or throws <see cref="IllegalAssessmentMoveException"/>.
    /// <paramref name="by"/> is the user making it; an assessor's move assigns the assessment to them.
    /// </summary>
    public void Apply(AssessmentMove move, Guid by, DateTimeOffset now)
    {
        var next = AssessmentLifecycle.Next(Stage, move, AssessmentLifecycle.ActorOf(move)) ?? throw new IllegalAssessmentMoveException(Stage, move);
        if (AssessmentLifecycle.ActorOf(move) == AssessmentActor.Assessor)
        {
            AssessorId = by;
        }

        switch (next)
        {
            case AssessmentStage.Submitted:
                Status = AssessmentStatus.Submitted;
                SubmittedAt = now;
                break;
            case AssessmentStage.Returned:
                Status = AssessmentStatus.Returned;
                DecidedAt = now;
                break;
            case AssessmentStage.Approved:
                Status = AssessmentStatus.Approved;
                DecidedAt = now;
                break;
        }

        UpdatedAt = now;
    }
}
