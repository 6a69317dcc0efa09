using System.Diagnostics.Metrics;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure.Analytics;
using HiTech.Web.Infrastructure.Jobs;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HiTech.Web.Tests.Analytics;

/// <summary>
/// The snapshot on the clustered scheduler: each node keeps its own DuckDB file, so each node process has its own
/// job (two runners here, as two nodes on one database) and both build, where an ordinary job runs on one node only;
/// the next build is the nightly time; an approval on any node marks every node's job due after the debounce; rows of
/// node processes that have stopped are removed.
/// </summary>
public sealed class SnapshotJobTests(TestHost host) : IClassFixture<TestHost>
{
    // 04:00 UTC: the next nightly build (02:00 UTC) is tomorrow's.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 4, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_node_builds_its_own_snapshot_nightly_and_again_soon_after_an_approval_on_any_node()
    {
        var store = host.Factory.Services.GetRequiredService<AnalyticsStore>();
        using var nodeA = Job("node-a");
        using var nodeB = Job("node-b");
        var a = Runner("node-a", nodeA);
        var b = Runner("node-b", nodeB);
        Assert.NotEqual(nodeA.Name, nodeB.Name);
        Assert.StartsWith(SnapshotJob.NamePrefix + "node-a/", nodeA.Name, StringComparison.Ordinal);

        var before = store.AsOf;
        Assert.Equal(1, await a.RunDueAsync(Ct));
        Assert.Equal(1, await b.RunDueAsync(Ct));
        Assert.NotEqual(before, store.AsOf);
        var nightly = new DateTime(2026, 12, 8, 2, 0, 0, DateTimeKind.Utc);
        Assert.Equal(nightly, (await RowAsync(nodeA.Name)).NextRunAtUtc);
        Assert.Equal(nightly, (await RowAsync(nodeB.Name)).NextRunAtUtc);

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await a.RunDueAsync(Ct) + await b.RunDueAsync(Ct));

        // An approval (on whichever node) brings every node's build forward to 30 s from now; a second one does not
        // push it further back.
        var refresh = new SnapshotRefresh(_clock, host.Factory.Services.GetRequiredService<IConfiguration>());
        Assert.True(await host.WithDbAsync(db => refresh.RequestSoonAsync(db, Ct)) >= 2);
        _clock.Advance(TimeSpan.FromSeconds(20));
        await host.WithDbAsync(db => refresh.RequestSoonAsync(db, Ct));
        Assert.Equal(0, await a.RunDueAsync(Ct) + await b.RunDueAsync(Ct));
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await a.RunDueAsync(Ct));
        Assert.Equal(1, await b.RunDueAsync(Ct));
        Assert.Equal((2L, 0), ((await RowAsync(nodeA.Name)).Runs, (await RowAsync(nodeA.Name)).Failures));
        Assert.Equal(nightly, (await RowAsync(nodeB.Name)).NextRunAtUtc);
    }

    [Fact]
    public async Task The_rows_of_node_processes_that_stopped_are_removed_and_other_jobs_are_left_alone()
    {
        var gone = SnapshotJob.NamePrefix + "node-gone/0123456789abcdef";
        var recent = SnapshotJob.NamePrefix + "node-late/0123456789abcdef";
        await host.WithDbAsync(db =>
        {
            db.ScheduledJobs.AddRange(
                new ScheduledJob { Name = gone, NextRunAtUtc = _clock.GetUtcNow().UtcDateTime.AddDays(-3), LeaseUntilUtc = _clock.GetUtcNow().UtcDateTime.AddDays(-3) },
                new ScheduledJob { Name = recent, NextRunAtUtc = _clock.GetUtcNow().UtcDateTime.AddHours(-20), LeaseUntilUtc = _clock.GetUtcNow().UtcDateTime.AddHours(-20) },
                new ScheduledJob { Name = "someone-elses-job", NextRunAtUtc = _clock.GetUtcNow().UtcDateTime.AddDays(-3), LeaseUntilUtc = _clock.GetUtcNow().UtcDateTime.AddDays(-3) });
            return db.SaveChangesAsync(Ct);
        });
        using var node = Job("node-c");

        Assert.Equal(1, await Runner("node-c", node).RunDueAsync(Ct));

        var names = await host.WithDbAsync(db => db.ScheduledJobs.AsNoTracking().Select(j => j.Name).ToListAsync(Ct));
        Assert.DoesNotContain(gone, names);
        Assert.Contains(recent, names);
        Assert.Contains("someone-elses-job", names);
        Assert.Contains(node.Name, names);
    }

    private SnapshotJob Job(string node) => new(
        host.Factory.Services.GetRequiredService<AnalyticsStore>(),
        host.Factory.Services.GetRequiredService<AnalyticsProgress>(),
        new JobOptions { Node = node },
        _clock,
        host.Factory.Services.GetRequiredService<IConfiguration>());

    private JobRunner Runner(string node, IRecurringJob job)
    {
        var status = new JobStatus(_clock);
        return new JobRunner(
            host.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
            [job],
            new JobOptions { Node = node },
            status,
            new JobMetrics(host.Factory.Services.GetRequiredService<IMeterFactory>(), status),
            _clock,
            NullLogger<JobRunner>.Instance);
    }

    private Task<ScheduledJob> RowAsync(string name) =>
        host.WithDbAsync(db => db.ScheduledJobs.AsNoTracking().SingleAsync(j => j.Name == name, Ct));
}
