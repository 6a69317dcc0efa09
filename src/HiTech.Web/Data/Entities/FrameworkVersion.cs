namespace HiTech.Web.Data.Entities;

/// <summary>A framework definition as published on the platform. One version per framework id is active for new assessments.</summary>
public sealed class FrameworkVersion
{
    public Guid Id { get; set; }

    public string FrameworkId { get; set; } = "";

    public string Version { get; set; } = "";

    public string Yaml { get; set; } = "";

    public bool Active { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public Guid? PublishedBy { get; set; }

    /// <summary>The what-if run published with this version (its diff and simulation), when it came from one.</summary>
    public Guid? SimulationRunId { get; set; }
}
