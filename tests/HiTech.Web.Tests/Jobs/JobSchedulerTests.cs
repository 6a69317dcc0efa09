using System.Diagnostics.Metrics;
using HiTech.Web.Data;
using HiTech.Web.Infrastructure.Jobs;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HiTech.Web.Tests.Jobs;

/// <summary>
/// The clustered scheduler, with several runners (nodes) on one database (SQLite here, PostgreSQL in the PostgreSQL
/// assembly) and a clock the test moves: a due run happens on exactly one node, a failure is retried with backoff and
/// shown, a crashed node's lease expires and another node takes the job, and a live run's lease is renewed.
/// Each test uses jobs of its own name, so the host's own scheduler (and the other tests) leave them alone.
/// </summary>
public sealed class JobSchedulerTests(TestHost host) : IClassFixture<TestHost>
{
    private static readonly JobOptions Options = new() { Lease = TimeSpan.FromMinutes(2), RetryAfter = TimeSpan.FromSeconds(30) };

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 4, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Four_nodes_polling_together_run_each_due_job_exactly_once()
    {
        var job = new CountingJob(TimeSpan.FromMinutes(5));
        var nodes = Enumerable.Range(1, 4).Select(n => Runner($"node-{n}", job)).ToList();

        for (var round = 1; round <= 6; round++)
        {
            var ran = await Task.WhenAll(nodes.Select(n => n.RunDueAsync(TestContext.Current.CancellationToken)));
            Assert.Equal(1, ran.Sum());
            Assert.Equal(round, job.Runs);

            // Not due again until the interval has passed.
            _clock.Advance(TimeSpan.FromMinutes(4));
            ran = await Task.WhenAll(nodes.Select(n => n.RunDueAsync(TestContext.Current.CancellationToken)));
            Assert.Equal(0, ran.Sum());
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(1, job.MostAtOnce);
        var row = await RowAsync(job.Name);
        Assert.Equal(6, row.Runs);
        Assert.Null(row.LeaseOwner);
        Assert.Equal(0, row.Failures);
    }

    [Fact]
    public async Task A_failing_job_is_retried_with_backoff_and_its_error_is_kept_until_it_succeeds()
    {
        var job = new FlakyJob(failures: 2);
        var node = Runner("node-1", job);
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(1, await node.RunDueAsync(ct));
        var row = await RowAsync(job.Name);
        Assert.Equal(1, row.Failures);
        Assert.Contains("The mail server refused the connection", row.LastError, StringComparison.Ordinal);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(30), row.NextRunAtUtc);

        // Admins see the job, its failures and its error on the administration page.
        var admin = await host.BrowserAsync(DemoSeeder.AdminEmail);
        var page = System.Net.WebUtility.HtmlDecode(await admin.GetHtmlAsync("/admin"));
        Assert.Contains(job.Name, page, StringComparison.Ordinal);
        Assert.Contains("Failures in a row: 1", page, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: The mail server refused the connection.", page, StringComparison.Ordinal);

        Assert.Equal(0, await node.RunDueAsync(ct));
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await node.RunDueAsync(ct));
        row = await RowAsync(job.Name);
        Assert.Equal(2, row.Failures);

        // The second retry waits twice as long.
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await node.RunDueAsync(ct));
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await node.RunDueAsync(ct));

        row = await RowAsync(job.Name);
        Assert.Equal(0, row.Failures);
        Assert.Null(row.LastError);
        Assert.Equal(3, row.Runs);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime + job.Interval, row.NextRunAtUtc);
    }

    [Fact]
    public async Task A_crashed_nodes_lease_expires_and_another_node_runs_the_job_while_the_dead_node_can_record_nothing()
    {
        var job = new CountingJob(TimeSpan.FromHours(1));
        var ct = TestContext.Current.CancellationToken;
        var survivor = Runner("node-2", job);
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await JobLeases.EnsureRowsAsync(db, [job.Name], _clock.GetUtcNow().UtcDateTime, ct);

            // node-1 takes the job and dies before it renews or finishes.
            Assert.True(await JobLeases.TryLeaseAsync(db, job.Name, "node-1/run", _clock.GetUtcNow().UtcDateTime, Options.Lease, ct));
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await survivor.RunDueAsync(ct));

        _clock.Advance(Options.Lease);
        Assert.Equal(1, await survivor.RunDueAsync(ct));
        Assert.Equal(1, job.Runs);

        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = _clock.GetUtcNow().UtcDateTime;
            Assert.False(await JobLeases.FinishAsync(db, job.Name, "node-1/run", now, now, "late", ct));
        }

        var row = await RowAsync(job.Name);
        Assert.Null(row.LastError);
        Assert.Equal(1, row.Runs);
    }

    [Fact]
    public async Task A_long_run_renews_its_lease_so_no_other_node_starts_it_again()
    {
        var job = new BlockingJob();
        var ct = TestContext.Current.CancellationToken;
        var first = Runner("node-1", job);
        var second = Runner("node-2", job);

        var runs = await first.StartDueAsync(ct);
        var run = Assert.Single(runs.ToList());
        await job.Started.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        var leasedUntil = (await RowAsync(job.Name)).LeaseUntilUtc;

        // Past a third of the lease the runner renews; the test waits until the renewal is written.
        _clock.Advance(TimeSpan.FromSeconds(50));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await RowAsync(job.Name)).LeaseUntilUtc <= leasedUntil && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, ct);
        }

        _clock.Advance(TimeSpan.FromSeconds(80));
        Assert.True(_clock.GetUtcNow().UtcDateTime > leasedUntil);
        Assert.Equal(0, await second.RunDueAsync(ct));

        job.Finish.SetResult();
        await run;
        var row = await RowAsync(job.Name);
        Assert.Equal(1, row.Runs);
        Assert.Null(row.LeaseOwner);
    }

    private JobRunner Runner(string node, params IRecurringJob[] jobs)
    {
        var status = new JobStatus(_clock);
        var metrics = new JobMetrics(host.Factory.Services.GetRequiredService<IMeterFactory>(), status);
        return new JobRunner(
            host.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
            jobs,
            new JobOptions { Node = node, Lease = Options.Lease, RetryAfter = Options.RetryAfter },
            status,
            metrics,
            _clock,
            NullLogger<JobRunner>.Instance);
    }

    private async Task<HiTech.Web.Data.Entities.ScheduledJob> RowAsync(string name)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ScheduledJobs.AsNoTracking().SingleAsync(j => j.Name == name);
    }

    private sealed class CountingJob(TimeSpan interval) : IRecurringJob
    {
        private int _runs;
        private int _now;
        private int _most;

        public string Name { get; } = "test-count-" + Guid.NewGuid().ToString("N");

        public TimeSpan Interval => interval;

        public int Runs => Volatile.Read(ref _runs);

        public int MostAtOnce => Volatile.Read(ref _most);

        public async Task RunAsync(IServiceProvider scoped, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _now);
            InterlockedMax(ref _most, now);
            await Task.Delay(10, cancellationToken);
            Interlocked.Increment(ref _runs);
            Interlocked.Decrement(ref _now);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    private sealed class FlakyJob(int failures) : IRecurringJob
    {
        private int _calls;

        public string Name { get; } = "test-flaky-" + Guid.NewGuid().ToString("N");

        public TimeSpan Interval => TimeSpan.FromHours(1);

        public Task RunAsync(IServiceProvider scoped, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) <= failures
                ? throw new InvalidOperationException("The mail server refused the connection.")
                : Task.CompletedTask;
    }

    private sealed class BlockingJob : IRecurringJob
    {
        public string Name { get; } = "test-long-" + Guid.NewGuid().ToString("N");

        public TimeSpan Interval => TimeSpan.FromHours(1);

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task RunAsync(IServiceProvider scoped, CancellationToken cancellationToken)
        {
            Started.SetResult();
            await Finish.Task.WaitAsync(cancellationToken);
        }
    }
}
