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
}
