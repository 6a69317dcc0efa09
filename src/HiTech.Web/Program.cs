using HiTech.Web.Features;
using HiTech.Web.Infrastructure.Api;
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

// `sweep-evidence` removes evidence files no record refers to (left by interrupted uploads), then exits; start-up does it too.
if (args.Contains("sweep-evidence", StringComparer.Ordinal))
{
    await EvidenceSweep.RunAsync(app.Services, CancellationToken.None);
    return;
}

await DatabaseStartup.PrepareAsync(app.Services, CancellationToken.None);
await EvidenceSweep.RunAsync(app.Services, CancellationToken.None);
await Idempotency.SweepAsync(app.Services, CancellationToken.None);
app.UsePlatform();
app.MapFeatures();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
