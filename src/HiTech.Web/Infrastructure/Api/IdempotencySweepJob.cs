using HiTech.Web.Infrastructure.Jobs;

namespace HiTech.Web.Infrastructure.Api;

/// <summary>Removes expired Idempotency-Key answers every hour (they used to go only at start-up, so a node that ran for weeks kept them all).</summary>
public sealed class IdempotencySweepJob : IRecurringJob
{
    public string Name => "idempotency-sweep";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public Task RunAsync(IServiceProvider scoped, CancellationToken cancellationToken) =>
        Idempotency.SweepAsync(scoped, cancellationToken);
}
