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

    /// <summary>The share of traces recorded (0 to 1, default 1): a trace begun by a caller follows the caller's choice.</summary>
    public const string TraceSampleRatioSetting = "Observability:TraceSampleRatio";

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ScoringMetrics>();
        services.AddMetricsAccess(builder.Configuration);
        var collector = builder.Configuration[OtlpEndpointSetting] is { Length: > 0 } endpoint
            ? Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri : throw new InvalidOperationException($"{OtlpEndpointSetting}: '{endpoint}' is not an address such as http://127.0.0.1:4317.")
            : null;

        var sampler = SamplerFrom(builder.Configuration);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("hitech-web", serviceInstanceId: JobOptions.From(builder.Configuration).Node))
            .WithTracing(t =>
            {
                // Probes and scrapes arrive every few seconds and say nothing about users' requests.
                t.SetSampler(sampler)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
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

    /// <summary>
    /// Records the share of new traces Observability:TraceSampleRatio asks for (by trace id, so every node keeps or drops
    /// the same trace); a request that arrives inside a caller's trace is recorded if the caller recorded it. Trace ids
    /// are the same either way: logs and problems carry them whether or not the trace was recorded.
    /// </summary>
    public static Sampler SamplerFrom(IConfiguration configuration)
    {
        var ratio = 1.0;
        if (configuration[TraceSampleRatioSetting] is { Length: > 0 } text
            && (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out ratio) || ratio is < 0 or > 1))
        {
            throw new InvalidOperationException($"{TraceSampleRatioSetting}: '{text}' is not a share between 0 and 1 such as 0.1 (a tenth of the traces) or 1 (all).");
        }

        return new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio));
    }

    public static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase);
}
