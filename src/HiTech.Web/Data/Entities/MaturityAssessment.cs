namespace HiTech.Web.Data.Entities;

/// <summary>
/// An enterprise's digital maturity assessment (T0, T1, ...) against one instrument version. Answers are kept as
/// the instrument's answers JSON so that save-and-resume never loses a choice; scores are stored when computed.
/// </summary>
public sealed class MaturityAssessment
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public string InstrumentId { get; set; } = "";

    public string InstrumentVersion { get; set; } = "";

    /// <summary>The firm profile the modules opened on (employees, manufacturing, size), as JSON.</summary>
    public string ProfileJson { get; set; } = "{}";

    /// <summary>The answers so far, in the format of MaturityAnswersJson.</summary>
    public string AnswersJson { get; set; } = "{}";

    /// <summary>The latest scores (MaturityResult as JSON), null until something is answered.</summary>
    public string? ResultJson { get; set; }

    /// <summary>The overall score 0-100, when every dimension has one.</summary>
    public int? Overall { get; set; }

    public string? Band { get; set; }

    /// <summary>True when only the short screen was answered: a first estimate.</summary>
    public bool IsFirstEstimate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set when the enterprise finishes; a finished assessment is a point (T0, T1, ...) in its progress.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    public int Version { get; set; }
}
