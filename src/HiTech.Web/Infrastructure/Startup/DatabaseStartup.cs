using Microsoft.AspNetCore.Identity;

namespace HiTech.Web.Infrastructure.Startup;

/// <summary>
/// What happens once at start-up: migrations (when configured), the roles, the framework versions shipped
/// in data/frameworks, and in demo mode the demo ecosystem and accounts, otherwise the first administrator if there is none.
/// </summary>
public static class DatabaseStartup
{
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        var options = provider.GetRequiredService<PlatformOptions>();
        var db = provider.GetRequiredService<AppDbContext>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        if (options.MigrateOnStart == true)
        {
            await MigrateAsync(db, logger, cancellationToken);
        }

        await EnsureRolesAsync(provider);
        await PublishShippedFrameworksAsync(db, provider.GetRequiredService<TimeProvider>(), cancellationToken);
        if (options.DemoEnabled == true)
        {
            foreach (var seeder in provider.GetServices<IDataSeeder>())
            {
                await seeder.SeedAsync(cancellationToken);
            }
        }
        else
        {
            await provider.GetRequiredService<FirstAdministrator>().EnsureAsync(cancellationToken);
        }
    }

    /// <summary>The roles every account is given one of; created once, on the first start or `migrate`.</summary>
    public static async Task EnsureRolesAsync(IServiceProvider scoped)
    {
        var roles = scoped.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }
    }

    public static async Task MigrateAsync(AppDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Every framework under reference-data/frameworks is published once; the newest by effective date becomes active if none is.
    /// Several nodes may start at the same moment: a version another node published first (the unique index refuses the
    /// second) stands, and this node starts on it.
    /// </summary>
    public static async Task PublishShippedFrameworksAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "reference-data", "frameworks");
        var shipped = Directory.Exists(root) ? Directory.GetFiles(root, "framework.yaml", SearchOption.AllDirectories) : [];
        foreach (var path in shipped.Order(StringComparer.Ordinal))
        {
            var version = Path.GetFileName(Path.GetDirectoryName(path)!);
            var id = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))!);
            if (!await db.FrameworkVersions.AnyAsync(f => f.FrameworkId == id && f.Version == version, cancellationToken))
            {
                var active = !await db.FrameworkVersions.AnyAsync(f => f.FrameworkId == id && f.Active, cancellationToken);
                db.FrameworkVersions.Add(new FrameworkVersion
                {
                    Id = Guid.NewGuid(),
                    FrameworkId = id,
                    Version = version,
                    Yaml = await File.ReadAllTextAsync(path, cancellationToken),
                    Active = active,
                    PublishedAt = clock.GetUtcNow(),
                });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                    if (!await db.FrameworkVersions.AnyAsync(f => f.FrameworkId == id && f.Version == version, cancellationToken))
                    {
                        throw;
                    }
                }
            }
        }
    }
}
