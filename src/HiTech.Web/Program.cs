using HiTech.Web.Features;
using HiTech.Web.Infrastructure.Startup;
using HiTech.Web.Infrastructure.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();
builder.Services.AddFeatures();
var app = builder.Build();

// `migrate` applies database migrations and exits: the documented release step for PostgreSQL.
if (args.Contains("migrate", StringComparer.Ordinal))
{
    await MigrateCommand.RunAsync(app.Services, CancellationToken.None);
    return;
}

// `sweep-evidence` removes evidence files no record refers to (left by interrupted uploads), then exits; the evidence-sweep job does it every six hours.
if (args.Contains("sweep-evidence", StringComparer.Ordinal))
{
    await EvidenceSweep.RunAsync(app.Services, CancellationToken.None);
    return;
}

// `check-audit` walks the audit log's hash chain and exits 1 at the first changed or missing entry.
if (args.Contains("check-audit", StringComparer.Ordinal))
{
    Environment.ExitCode = await AuditCheck.RunAsync(app.Services, CancellationToken.None);
    return;
}

// `backup --to FILE` copies the SQLite database (online, while the app runs) and the evidence into one archive;
// `restore --from FILE [--force]` puts one back, for a stopped app.
if (args.Contains("backup", StringComparer.Ordinal) || args.Contains("restore", StringComparer.Ordinal))
{
    var options = app.Services.GetRequiredService<PlatformOptions>();
    Environment.ExitCode = args.Contains("backup", StringComparer.Ordinal)
        ? SqliteBackup.Option(args, "--to") is { } to
            ? await SqliteBackup.BackupAsync(options, to, Console.Out, CancellationToken.None)
            : Usage("backup --to FILE")
        : SqliteBackup.Option(args, "--from") is { } from
            ? await SqliteBackup.RestoreAsync(options, from, args.Contains("--force", StringComparer.Ordinal), Console.Out, CancellationToken.None)
            : Usage("restore --from FILE [--force]");
    return;
}

await DatabaseStartup.PrepareAsync(app.Services, CancellationToken.None);
app.UsePlatform();
app.MapFeatures();
await app.RunAsync();

static int Usage(string command)
{
    Console.Error.WriteLine($"usage: dotnet HiTech.Web.dll {command}");
    return 2;
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
