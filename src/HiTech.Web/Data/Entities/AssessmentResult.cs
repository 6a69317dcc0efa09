namespace HiTech.Web.Data.Entities;

/// <summary>A computed result: provisional on submission, final on approval. Keeps the framework version that produced it.</summary>
public sealed class AssessmentResult
{
    public Guid Id { get; set; }

    public Guid AssessmentId { get; set; }

    public bool IsFinal { get; set; }

    public double Index { get; set; }

    public string Tier { get; set; } = "";

    public string FrameworkId { get; set; } = "";

    public string FrameworkVersion { get; set; } = "";

    /// <summary>The whole explanation as JSON (ExplanationJson), so the result reads the same forever.</summary>
    public string ExplanationJson { get; set; } = "";

    public DateTimeOffset ComputedAt { get; set; }
}
