namespace HiTech.Web.Data.Entities;

/// <summary>
/// One what-if simulation: a proposal framework run over a population, queued by an analyst and executed in the
/// background (Features/WhatIf/WhatIfWorker). Kept, so that runs can be listed, compared and attached to a publication.
/// </summary>
public sealed class WhatIfRun
{
    public Guid Id { get; set; }

    public Guid RequestedBy { get; set; }

    /// <summary>The proposal's file name as uploaded, or the name given to a form's changes.</summary>
    public string ProposalName { get; set; } = "";

    public string ProposalFrameworkId { get; set; } = "";

    public string ProposalVersion { get; set; } = "";

    /// <summary>The proposal framework YAML, validated when the run was queued.</summary>
    public string ProposalYaml { get; set; } = "";

    /// <summary>The framework version in force the proposal is compared with, fixed when the run was queued.</summary>
    public string BaselineVersion { get; set; } = "";

    /// <summary>The population: <see cref="WhatIfPopulations"/>.</summary>
    public string Population { get; set; } = "";

    /// <summary>The assessment year of the population.</summary>
    public int Year { get; set; }

    /// <summary><see cref="WhatIfRunStatus"/> ids: queued, running, done, failed.</summary>
    public string Status { get; set; } = WhatIfRunStatus.Queued;

    /// <summary>0 to 100.</summary>
    public int Progress { get; set; }

    /// <summary>The report (Core's WhatIfReport, every figure already through disclosure control), as JSON.</summary>
    public string? ResultJson { get; set; }

    /// <summary>Why a failed run failed, in plain words.</summary>
    public string? Error { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

public static class WhatIfRunStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
}

public static class WhatIfPopulations
{
    /// <summary>The latest approved assessment of each enterprise for the run's year.</summary>
    public const string ApprovedAssessments = "approved-assessments";
}
