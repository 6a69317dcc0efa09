namespace HiTech.Web.Features.WhatIf;

/// <summary>
/// Drains the what-if queue: a hosted worker polling every second rather than a recurring job of the clustered
/// scheduler, because an analyst waits for the result and a run should start at once. Each node claims a queued run
/// with one conditional update (status queued to running), so on several nodes a run is executed exactly once.
/// </summary>
public sealed class WhatIfWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<WhatIfWorker> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be migrating or briefly away; the next poll tries again.
                log.LogWarning(e, "The what-if queue could not be read");
            }

            await Task.Delay(Poll, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Claims and executes the oldest queued run; false when there is none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var queued = (await db.WhatIfRuns.AsNoTracking()
                .Where(r => r.Status == WhatIfRunStatus.Queued)
                .Select(r => new { r.Id, r.CreatedAt })
                .ToListAsync(cancellationToken))
            .OrderBy(r => r.CreatedAt)
            .Select(r => r.Id)
            .ToList();
        foreach (var id in queued)
        {
            var now = clock.GetUtcNow();
            var claimed = await db.WhatIfRuns
                .Where(r => r.Id == id && r.Status == WhatIfRunStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, WhatIfRunStatus.Running).SetProperty(r => r.StartedAt, now), cancellationToken);
            if (claimed == 1)
            {
                await scope.ServiceProvider.GetRequiredService<RunWhatIf>().ExecuteAsync(id, cancellationToken);
                return true;
            }
        }

        return false;
    }
}
