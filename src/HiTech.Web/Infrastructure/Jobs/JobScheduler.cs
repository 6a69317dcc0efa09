namespace HiTech.Web.Infrastructure.Jobs;

/// <summary>The loop on every node: poll for due jobs every Jobs:PollSeconds until the host stops.</summary>
public sealed class JobScheduler(JobRunner runner, JobOptions options, JobStatus status, TimeProvider clock, ILogger<JobScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        status.MarkStarted();
        using var timer = new PeriodicTimer(options.PollInterval, clock);
        try
        {
            do
            {
                try
                {
                    await runner.StartDueAsync(stoppingToken);
                }
                catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
                {
                    // The database is away: the readiness check reports it; the next poll tries again.
                    logger.LogWarning(e, "The job scheduler could not read the jobs table");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await runner.WhenIdleAsync();
        }
    }
}
