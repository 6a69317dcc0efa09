using HiTech.Web.Infrastructure.Jobs;

namespace HiTech.Web.Infrastructure.Storage;

/// <summary>The evidence sweep (<see cref="EvidenceSweep"/>) every six hours, on one node of the cluster.</summary>
public sealed class EvidenceSweepJob : IRecurringJob
{
    public string Name => "evidence-sweep";

    public TimeSpan Interval => TimeSpan.FromHours(6);

    public Task RunAsync(IServiceProvider scoped, CancellationToken cancellationToken) =>
        scoped.GetRequiredService<EvidenceSweep>().RunAsync(cancellationToken);
}
