using System.Diagnostics;

namespace HiTech.Web.Infrastructure.Observability;

/// <summary>
/// Logs every request slower than Observability:SlowRequestMs (default 1000) as a warning, inside the request's trace
/// (the JSON log line carries its TraceId, the same id as the trace and any ProblemDetails' traceId).
/// </summary>
public static class SlowRequests
{
    public const string ThresholdSetting = "Observability:SlowRequestMs";

    public static void UseSlowRequestLog(this WebApplication app)
    {
        var threshold = TimeSpan.FromMilliseconds(app.Configuration.GetValue(ThresholdSetting, 1000));
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlowRequests));
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            await next(context);
            var took = Stopwatch.GetElapsedTime(started);
            if (took >= threshold && !Telemetry.IsProbe(context.Request.Path))
            {
                logger.LogWarning(
                    "Slow request: {Method} {Route} answered {Status} in {Milliseconds} ms (threshold {Threshold} ms)",
                    context.Request.Method,
                    (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value,
                    context.Response.StatusCode,
                    (long)took.TotalMilliseconds,
                    (long)threshold.TotalMilliseconds);
            }
        });
    }
}
