namespace HiTech.Web.Infrastructure.Jobs;

public static class JobRegistration
{
    /// <summary>Adds a recurring job; the clustered scheduler runs it on one node at a time.</summary>
    public static IServiceCollection AddRecurringJob<T>(this IServiceCollection services)
        where T : class, IRecurringJob
    {
        services.AddSingleton<IRecurringJob, T>();
        return services;
    }

    /// <summary>The scheduler itself (AddPlatform calls it once): runner, loop, status for /health/ready and /metrics.</summary>
    public static IServiceCollection AddJobScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        var options = JobOptions.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton<JobStatus>();
        services.AddSingleton<JobMetrics>();
        services.AddSingleton<JobRunner>();
        if (options.Enabled)
        {
            services.AddHostedService<JobScheduler>();
        }

        services.AddHealthChecks().AddCheck<JobSchedulerHealthCheck>("jobs", tags: [HostingExtensions.ReadyTag]);
        return services;
    }
}
