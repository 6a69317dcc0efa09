using HiTech.Web.Infrastructure.Jobs;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HiTech.Web.Infrastructure.Observability;

/// <summary>
/// OpenTelemetry for every node (docs/operations.md): traces of requests, EF Core commands, Npgsql and job runs;
/// metrics (request durations and errors, Kestrel's queues, EF Core, Npgsql's pool, jobs, scoring, the runtime) served
/// to Prometheus on /metrics (<see cref="MetricsAccess"/>). Nothing leaves the node unless Observability:OtlpEndpoint
/// names a collector; then traces and metrics also go there over OTLP.
/// </summary>
public static class Telemetry
{
    public const string OtlpEndpointSetting = "Observability:OtlpEndpoint";

    public const string MetricsPath = "/metrics";

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ScoringMetrics>();
        services.AddMetricsAccess(builder.Configuration);
        var collector = builder.Configuration[OtlpEndpointSetting] is { Length: > 0 } endpoint
            ? Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri : throw new InvalidOperationException($"{OtlpEndpointSetting}: '{endpoint}' is not an address such as http://127.0.0.1:4317.")
            : null;

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("hitech-web", serviceInstanceId: JobOptions.From(builder.Configuration).Node))
            .WithTracing(t =>
            {
                // Probes and scrapes arrive every few seconds and say nothing about users' requests.
                t.AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddNpgsql()
                    .AddSource(JobMetrics.MeterName);
                if (collector is not null)
                {
                    t.AddOtlpExporter(o => o.Endpoint = collector);
                }
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(JobMetrics.MeterName, ScoringMetrics.MeterName, "Microsoft.EntityFrameworkCore", "Npgsql")
                    .AddPrometheusExporter();
                if (collector is not null)
                {
                    m.AddOtlpExporter(o => o.Endpoint = collector);
                }
            });
    }

    /// <summary>/metrics for Prometheus (who may read it: <see cref="MetricsAccess"/>), and the log line of each slow request.</summary>
    public static void MapTelemetry(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(MetricsAccess.Policy);

    public static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase);
}
