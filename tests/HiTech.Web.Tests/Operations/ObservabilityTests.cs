using System.Diagnostics.Metrics;
using System.Net;
using HiTech.Web.Infrastructure.Jobs;
using HiTech.Web.Infrastructure.Observability;
using HiTech.Web.Tests.Infrastructure;
using HiTech.Web.Tests.Reviews;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HiTech.Web.Tests.Operations;

/// <summary>
/// What an operator reads (docs/operations.md): the trace id in every problem, /metrics for a scraper on the machine
/// or an admin only, with request durations, jobs and scoring; JSON logs carrying the trace id; readiness that asks the
/// database and the job scheduler while liveness asks nothing.
/// </summary>
public sealed class ObservabilityTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";

    private static CancellationToken None => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/no-such-thing", 404)]
    [InlineData("/api/v1/organisations", 401)]
    [InlineData("/api/v1/classify/99999", 404)]
    [InlineData("/api/v1/classify/?max=many", 400)]
    public async Task Every_problem_carries_the_trace_id_of_its_request(string path, int status)
    {
        using var client = platform.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("traceparent", $"00-{TraceId}-b7ad6b7169203331-01");
        using var response = await client.SendAsync(request, None);

        Assert.Equal(status, (int)response.StatusCode);
        var problem = await TestHost.JsonAsync(response);
        Assert.Equal(TraceId, problem.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task A_problem_without_a_caller_trace_gets_a_fresh_trace_id()
    {
        using var client = platform.Anonymous();
        var problem = await TestHost.JsonAsync(await client.GetAsync("/api/v1/no-such-thing", None));
        Assert.Matches("^[0-9a-f]{32}$", problem.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Metrics_show_request_durations_jobs_and_scoring_to_a_scraper_on_the_machine()
    {
        // The test scores an assessment of its own (a review scores it afresh: the web's scoring path) and counts the
        // scoring meter's measurements on this host while it does, so the count never depends on other tests.
        var assessor = await platform.ApiAsync(PlatformFixture.AssessorEmail);
        var id = await platform.CreateSubmittedAsync(await platform.UserIdAsync(PlatformFixture.AssessorEmail));
        using (var scored = new ScoringCount(platform.Factory.Services.GetRequiredService<IMeterFactory>()))
        {
            Assert.Equal(HttpStatusCode.OK, (await assessor.GetAsync($"/api/v1/reviews/{id}", None)).StatusCode);
            Assert.Equal(1, scored.Scored);
        }

        var status = platform.Factory.Services.GetRequiredService<JobStatus>();
        for (var i = 0; i < 200 && status.LastPoll is null; i++)
        {
            await Task.Delay(25, None);
        }

        // The exporter may answer from a scrape made just before the scoring (it keeps one for a moment), and a
        // request's duration is recorded only after its answer has gone: ask until both show, for at most 10 s.
        var text = "";
        for (var i = 0; i < 100 && !(text.Contains("hitech_scoring_enterprises_total{", StringComparison.Ordinal)
            && text.Contains("http_server_request_duration_seconds_bucket", StringComparison.Ordinal)); i++)
        {
            if (i > 0)
            {
                // A request of the platform's own between scrapes (the exporter may not count its own /metrics).
                using var anonymous = platform.Anonymous();
                (await anonymous.GetAsync("/api/v1/no-such-thing", None)).Dispose();
                await Task.Delay(100, None);
            }

            text = await (await ScrapeAsync("127.0.0.1")).Content.ReadAsStringAsync(None);
        }

        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("hitech_scoring_enterprises_total{", text, StringComparison.Ordinal);
        Assert.Contains("outcome=\"scored\"", text, StringComparison.Ordinal);
        Assert.Contains("hitech_scoring_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("hitech_jobs_consecutive_failures{", text, StringComparison.Ordinal);
        Assert.Contains("job=\"evidence-sweep\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_refused_to_others_and_to_anything_that_came_through_a_proxy_but_an_admin_may_read_them()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await ScrapeAsync("203.0.113.9")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ScrapeAsync("127.0.0.1", forwardedFor: "203.0.113.9")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ScrapeAsync("203.0.113.9", PlatformFixture.AssessorEmail)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ScrapeAsync("203.0.113.9", DemoSeeder.AdminEmail)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ScrapeAsync("::1")).StatusCode);
    }

    [Fact]
    public void Logs_are_json_lines_that_carry_the_trace_id()
    {
        var services = platform.Factory.Services;
        Assert.Equal(ConsoleFormatterNames.Json, services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        Assert.True(services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.IncludeScopes);
        Assert.True(services.GetRequiredService<IOptions<LoggerFactoryOptions>>().Value.ActivityTrackingOptions.HasFlag(ActivityTrackingOptions.TraceId));
    }

    [Fact]
    public async Task Ready_asks_the_database_and_the_job_scheduler_and_live_asks_nothing()
    {
        var report = await platform.Factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"), None);
        Assert.Equal(["database", "jobs"], report.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(HealthStatus.Healthy, report.Status);

        using var client = platform.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", None)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", None)).StatusCode);
    }

    [Fact]
    public async Task A_scheduler_that_stopped_polling_makes_the_node_not_ready()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        var options = new JobOptions { PollInterval = TimeSpan.FromSeconds(15) };
        var status = new JobStatus(clock);
        var check = new JobSchedulerHealthCheck(options, status, clock);
        var context = new HealthCheckContext();

        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(context, None)).Status);
        status.MarkStarted();
        status.MarkPolled([]);
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(context, None)).Status);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(context, None)).Status);
        Assert.Equal(HealthStatus.Healthy, (await new JobSchedulerHealthCheck(new JobOptions { Enabled = false }, status, clock).CheckHealthAsync(context, None)).Status);
    }

    private async Task<HttpResponseMessage> ScrapeAsync(string from, string? bearerFor = null, string? forwardedFor = null)
    {
        using var client = bearerFor is null ? platform.Anonymous() : await platform.ApiAsync(bearerFor);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(WebAppFactory.ClientAddressHeader, from);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await client.SendAsync(request, None);
    }
}

/// <summary>Counts the "scored" measurements of the scoring meter created by one host's meter factory, while it lives.</summary>
internal sealed class ScoringCount : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _scored;

    public ScoringCount(IMeterFactory host)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ScoringMetrics.MeterName && instrument.Meter.Scope == host && instrument.Name == "hitech.scoring.enterprises")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome" && Equals(tag.Value, "scored"))
                {
                    Interlocked.Add(ref _scored, value);
                }
            }
        });
        _listener.Start();
    }

    public long Scored => Interlocked.Read(ref _scored);

    public void Dispose() => _listener.Dispose();
}
