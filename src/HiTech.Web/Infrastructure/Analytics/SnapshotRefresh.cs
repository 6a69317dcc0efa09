namespace HiTech.Web.Infrastructure.Analytics;

/// <summary>
/// Keeps the analytics snapshot fresh: builds one at start-up, again a little after approvals (requests within
/// <c>Analytics:DebounceSeconds</c>, default 30, make one build), and nightly at <c>Analytics:NightlyAtUtc</c>
/// (default 02:00). One build at a time per node; a failure is logged and shown on the dashboard, and the previous
/// snapshot stays in use. The body of a build is <see cref="RebuildAsync"/>, so it can move onto a shared scheduler
/// unchanged.
/// </summary>
public sealed class SnapshotRefresh(
    IServiceScopeFactory scopes,
    AnalyticsStore store,
    AnalyticsProgress progress,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<SnapshotRefresh> logger) : BackgroundService
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly SemaphoreSlim _requested = new(0, 1);

    private TimeSpan Debounce => TimeSpan.FromSeconds(configuration.GetValue("Analytics:DebounceSeconds", 30));

    private bool BuildOnStart => configuration.GetValue("Analytics:BuildOnStart", true);

    private TimeOnly NightlyAt => TimeOnly.TryParse(configuration["Analytics:NightlyAtUtc"], System.Globalization.CultureInfo.InvariantCulture, out var at) ? at : new TimeOnly(2, 0);

    /// <summary>Asks for a build soon (after an approval); several requests close together make one build.</summary>
    public void RequestSoon()
    {
        try
        {
            _requested.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already requested: the coming build will include this change too.
        }
    }

    /// <summary>Builds a snapshot from the platform's database now and puts it in use; waits for a build in progress first.</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        await _building.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var writer = scope.ServiceProvider.GetRequiredService<SnapshotWriter>();
            var part = await writer.WriteAsync(cancellationToken);
            store.Publish(part);
        }
        finally
        {
            _building.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (BuildOnStart)
        {
            await TryRebuildAsync(stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = UntilNightly(clock.GetUtcNow());
            try
            {
                if (await _requested.WaitAsync(wait, stoppingToken))
                {
                    await Task.Delay(Debounce, clock, stoppingToken);
                    _ = _requested.Wait(0, CancellationToken.None);
                }

                await TryRebuildAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        _building.Dispose();
        _requested.Dispose();
        base.Dispose();
    }

    private TimeSpan UntilNightly(DateTimeOffset now)
    {
        var today = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime).ToDateTime(NightlyAt), TimeSpan.Zero);
        var next = today > now ? today : today.AddDays(1);
        return next - now;
    }

    private async Task TryRebuildAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RebuildAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed build must not stop the host: the previous snapshot stays in use and the dashboard says so.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "The analytics snapshot could not be built; the previous one stays in use");
            progress.Failed(clock.GetUtcNow(), e.Message);
        }
    }
}
