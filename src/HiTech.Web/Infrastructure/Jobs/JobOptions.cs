namespace HiTech.Web.Infrastructure.Jobs;

/// <summary>The scheduler's settings (section Jobs); the defaults suit a cluster of a few nodes.</summary>
public sealed class JobOptions
{
    /// <summary>Jobs:Enabled: whether this node runs jobs at all (default true; every node may, one runs each job).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Jobs:PollSeconds: how often a node looks for due jobs.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Jobs:LeaseSeconds: how long a node holds a job without renewing; a crashed node's job waits this long at most.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Jobs:RetrySeconds: the first retry after a failure; each further failure doubles it, up to the job's interval.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Jobs:Node: this node's name in the lease (default host name and process id).</summary>
    public string Node { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    public static JobOptions From(IConfiguration configuration)
    {
        var defaults = new JobOptions();
        return new JobOptions
        {
            Enabled = configuration.GetValue("Jobs:Enabled", defaults.Enabled),
            PollInterval = TimeSpan.FromSeconds(configuration.GetValue("Jobs:PollSeconds", defaults.PollInterval.TotalSeconds)),
            Lease = TimeSpan.FromSeconds(configuration.GetValue("Jobs:LeaseSeconds", defaults.Lease.TotalSeconds)),
            RetryAfter = TimeSpan.FromSeconds(configuration.GetValue("Jobs:RetrySeconds", defaults.RetryAfter.TotalSeconds)),
            Node = configuration["Jobs:Node"] ?? defaults.Node,
        };
    }

    /// <summary>When a job that has failed <paramref name="failures"/> times in a row is tried again: doubling, never later than its interval.</summary>
    public TimeSpan Backoff(int failures, TimeSpan interval)
    {
        var doubled = RetryAfter * Math.Pow(2, Math.Clamp(failures - 1, 0, 20));
        return doubled < interval ? doubled : interval;
    }
}
