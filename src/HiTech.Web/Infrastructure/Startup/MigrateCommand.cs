namespace HiTech.Web.Infrastructure.Startup;

/// <summary>`dotnet HiTech.Web.dll migrate`: brings the database schema up to date, then exits.</summary>
public static class MigrateCommand
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateCommand));
        await DatabaseStartup.MigrateAsync(db, logger, cancellationToken);
        logger.LogInformation("The database is up to date.");
    }
}
