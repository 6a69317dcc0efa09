namespace HiTech.Web.Data.Entities;

/// <summary>
/// One recurring background job (Infrastructure/Jobs): when it runs next and which node holds it now. A node takes a
/// due job by one conditional UPDATE of this row (a lease until <see cref="LeaseUntilUtc"/>), so every run happens on
/// exactly one node; a node that dies mid-run loses the lease when it expires and another node runs the job again.
/// Times are UTC DateTimes (not DateTimeOffsets) so that SQLite can compare them in the lease's WHERE clause.
/// </summary>
public sealed class ScheduledJob
{
    public const int MaxNameLength = 100;

    public const int MaxOwnerLength = 200;

    public const int MaxErrorLength = 2000;

    /// <summary>The job's <c>IRecurringJob.Name</c>.</summary>
    public string Name { get; set; } = "";

    public DateTime NextRunAtUtc { get; set; }

    /// <summary>The node and run holding the lease ("node/run id"), or null when no node runs the job.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>Until when the lease holds; the node running the job renews it while the run lasts.</summary>
    public DateTime LeaseUntilUtc { get; set; }

    public DateTime? LastStartedAtUtc { get; set; }

    public DateTime? LastFinishedAtUtc { get; set; }

    /// <summary>The error of the last failed run (kept until a run succeeds), for the admin page.</summary>
    public string? LastError { get; set; }

    /// <summary>Failed runs in a row (0 after a success); the retry waits longer with each.</summary>
    public int Failures { get; set; }

    /// <summary>Runs finished, successful or not.</summary>
    public long Runs { get; set; }
}
