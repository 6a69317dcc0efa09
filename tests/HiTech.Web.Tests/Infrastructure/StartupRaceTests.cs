using HiTech.Web.Data;
using HiTech.Web.Infrastructure.Startup;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HiTech.Web.Tests.Infrastructure;

/// <summary>
/// Two web nodes started at the same moment on one database (deploy/local-cluster.sh up): each publishes the shipped
/// framework versions if missing, and the second insert meets the unique index. The node that lost the race must start
/// on the version the other published, not crash.
/// </summary>
public sealed class StartupRaceTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hitech-startup-race-{Guid.NewGuid():N}.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_framework_version_another_node_published_first_stands_and_this_node_starts()
    {
        await using (var setup = Context())
        {
            await setup.Database.MigrateAsync(Ct);
        }

        // The other node publishes everything in the moment between this node's check and its insert.
        var otherNode = new OtherNodeFirst(async () =>
        {
            await using var other = Context();
            await DatabaseStartup.PublishShippedFrameworksAsync(other, TimeProvider.System, Ct);
        });
        await using (var db = Context(otherNode))
        {
            await DatabaseStartup.PublishShippedFrameworksAsync(db, TimeProvider.System, Ct);
        }

        Assert.True(otherNode.Ran);
        await using var check = Context();
        var copies = await check.FrameworkVersions.GroupBy(f => new { f.FrameworkId, f.Version }).Select(g => g.Count()).ToListAsync(Ct);
        Assert.NotEmpty(copies);
        Assert.All(copies, n => Assert.Equal(1, n));
        var active = await check.FrameworkVersions.Where(f => f.Active).GroupBy(f => f.FrameworkId).Select(g => g.Count()).ToListAsync(Ct);
        Assert.All(active, n => Assert.Equal(1, n));
    }

    private SqliteAppDbContext Context(params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={_path}").AddInterceptors(interceptors).Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    /// <summary>Lets another node's start-up run to the end just before this context's first save.</summary>
    private sealed class OtherNodeFirst(Func<Task> other) : SaveChangesInterceptor
    {
        public bool Ran { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Ran)
            {
                Ran = true;
                await other();
            }

            return result;
        }
    }
}
