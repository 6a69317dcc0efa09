namespace HiTech.Web.Infrastructure.Startup;

/// <summary>`dotnet HiTech.Web.dll migrate`: brings the database schema up to date (and on a fresh install makes the first administrator), then exits.</summary>
public static class MigrateCommand
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateCommand));
        await DatabaseStartup.MigrateAsync(db, logger, cancellationToken);

        // The release's frameworks too, before any node starts, so that the nodes find them published.
        await DatabaseStartup.PublishShippedFrameworksAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);

        // A fresh install's first administrator is made here, once, rather than by whichever node starts first.
        if (scope.ServiceProvider.GetRequiredService<PlatformOptions>().DemoEnabled != true)
        {
            await DatabaseStartup.EnsureRolesAsync(scope.ServiceProvider);
            await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().EnsureAsync(cancellationToken);
        }

        logger.LogInformation("The database is up to date.");
    }
}
