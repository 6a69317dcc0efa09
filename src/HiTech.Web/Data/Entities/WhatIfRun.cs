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

    /// <summary>
    /// For a proposal made in the form: each setting changed, with its value in force and its value proposed (JSON, a
    /// list of Core's FrameworkSettingChange); null for an uploaded file.
    /// </summary>
    public string? ProposalChanges { get; set; }

    /// <summary>The framework version in force the proposal is compared with, fixed when the run was queued.</summary>
    public string BaselineVersion { get; set; } = "";

    /// <summary>The population: <see cref="WhatIfPopulations"/>.</summary>
    public string Population { get; set; } = "";

    /// <summary>The assessment year of the population.</summary>
    public int Year { get; set; }

    /// <summary>The registry file's name as uploaded, when the population includes one.</summary>
    public string? RegistryName { get; set; }

    /// <summary>The registry as stored: a file name under Data:Directory/what-if/ (kept with the run).</summary>
    public string? RegistryFile { get; set; }

    /// <summary>Rows of the registry read, once the run has read it.</summary>
    public long? RegistryRows { get; set; }

    /// <summary>Rows of the registry scored under both versions and counted.</summary>
    public long? RegistryUsed { get; set; }

    /// <summary>Rows of the registry rejected (with why, the first of them in <see cref="RegistryRejects"/>).</summary>
    public long? RegistryRejected { get; set; }

    /// <summary>The first rejected rows (JSON, a list of Core's RegistryReject: line, enterprise id, field, reason).</summary>
    public string? RegistryRejects { get; set; }

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

    /// <summary>Every row of an uploaded registry file.</summary>
    public const string Registry = "registry";

    /// <summary>Both: the year's approved assessments and the registry's rows.</summary>
    public const string Both = "approved-assessments+registry";

    public static bool IncludesAssessments(string population) => population is ApprovedAssessments or Both;

    public static bool IncludesRegistry(string population) => population is Registry or Both;
}
