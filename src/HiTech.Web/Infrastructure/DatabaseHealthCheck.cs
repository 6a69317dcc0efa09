using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HiTech.Web.Infrastructure;

/// <summary>Ready once the database answers: a load balancer sends no traffic to a node that cannot reach it.</summary>
public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
