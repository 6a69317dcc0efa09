using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HiTech.Web.Infrastructure.Jobs;

/// <summary>Ready when this node's scheduler has read the jobs table lately (or is switched off here on purpose).</summary>
public sealed class JobSchedulerHealthCheck(JobOptions options, JobStatus status, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Jobs are switched off on this node (Jobs:Enabled=false)."));
        }

        if (status.Started is not { } started)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job scheduler has not started."));
        }

        // Three missed polls (at least a minute) mean the loop is stuck or cannot reach the jobs table.
        var allowed = options.PollInterval * 3 > TimeSpan.FromMinutes(1) ? options.PollInterval * 3 : TimeSpan.FromMinutes(1);
        var since = status.LastPoll ?? started;
        return Task.FromResult(clock.GetUtcNow() - since <= allowed
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"The job scheduler has not read the jobs table for {(clock.GetUtcNow() - since).TotalSeconds:F0} s."));
    }
}
