using HiTech.Web.Infrastructure.Jobs;

namespace HiTech.Web.Infrastructure.Analytics;

public static class AnalyticsServices
{
    /// <summary>
    /// The analytical store, its progress, the writer, the snapshot job (one per node) and its trigger. The snapshot's source
    /// (<see cref="ISnapshotSource"/>) is registered by the analytics feature.
    /// </summary>
    public static IServiceCollection AddAnalyticsStore(this IServiceCollection services)
    {
        services.AddSingleton<AnalyticsStore>();
        services.AddSingleton<AnalyticsProgress>();
        services.AddScoped<SnapshotWriter>();
        services.AddSingleton<SnapshotRefresh>();
        services.AddRecurringJob<SnapshotJob>();
        return services;
    }
}
