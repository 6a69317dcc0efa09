namespace HiTech.Web.Infrastructure.Analytics;

public static class AnalyticsServices
{
    /// <summary>
    /// The analytical store, its progress, the writer and the background refresh. The snapshot's source
    /// (<see cref="ISnapshotSource"/>) is registered by the analytics feature.
    /// </summary>
    public static IServiceCollection AddAnalyticsStore(this IServiceCollection services)
    {
        services.AddSingleton<AnalyticsStore>();
        services.AddSingleton<AnalyticsProgress>();
        services.AddScoped<SnapshotWriter>();
        services.AddSingleton<SnapshotRefresh>();
        services.AddHostedService(sp => sp.GetRequiredService<SnapshotRefresh>());
        return services;
    }
}
