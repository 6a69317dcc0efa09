using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Audit;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Audit;

/// <summary>
/// The audit log is a hash chain: `check-audit` passes on an untouched log, even after concurrent writes, and fails
/// (exit code 1, naming the entry) when an entry is changed or deleted with SQL behind the platform's back.
/// Each test tampers with its own platform's database.
/// </summary>
public sealed class AuditChainTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_untouched_log_checks_whole_even_after_concurrent_writes()
    {
        await using var host = await StartAsync();
        var before = await CountAsync(host);

        // Sixteen saves at once, each in its own request scope: none may follow the same entry as another.
        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => RecordAsync(host, $"concurrent-{i}"))));

        var result = await CheckAsync(host);
        Assert.True(result.IsWhole, result.Problem);
        Assert.Equal(before + 16, result.Checked);
        Assert.Equal(0, await AuditCheck.RunAsync(host.Factory.Services, None));
    }

    [Fact]
    public async Task A_changed_entry_is_found()
    {
        await using var host = await StartAsync();
        var id = await RecordAsync(host, "to-change");
        await RecordAsync(host, "after-it");

        await host.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"After\" = {"{\"status\":\"Approved\"}"} WHERE \"Id\" = {id}", None));

        var result = await CheckAsync(host);
        Assert.False(result.IsWhole);
        Assert.Equal(id, result.BrokenId);
        Assert.Contains($"Audit entry {id}", result.Problem, StringComparison.Ordinal);
        Assert.Contains("changed", result.Problem, StringComparison.Ordinal);
        Assert.Equal(1, await AuditCheck.RunAsync(host.Factory.Services, None));
    }

    [Fact]
    public async Task A_deleted_entry_is_found()
    {
        await using var host = await StartAsync();
        var deleted = await RecordAsync(host, "to-delete");
        var next = await RecordAsync(host, "after-it");

        await host.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {deleted}", None));

        var result = await CheckAsync(host);
        Assert.False(result.IsWhole);
        Assert.Equal(next, result.BrokenId);
        Assert.Contains("deleted", result.Problem, StringComparison.Ordinal);
        Assert.Equal(1, await AuditCheck.RunAsync(host.Factory.Services, None));
    }

    [Fact]
    public async Task Entries_written_before_the_chain_are_linked_once_by_the_next_save()
    {
        await using var host = await StartAsync();
        await RecordAsync(host, "old-one");
        await RecordAsync(host, "old-two");
        // As after the migration: the existing entries have no hashes yet.
        await host.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Hash\" = NULL, \"PreviousHash\" = NULL", None));
        Assert.False((await CheckAsync(host)).IsWhole);

        await RecordAsync(host, "first-after-upgrade");

        var result = await CheckAsync(host);
        Assert.True(result.IsWhole, result.Problem);
    }

    private static async Task<TestHost> StartAsync()
    {
        var host = new TestHost();
        await host.InitializeAsync();
        return host;
    }

    private static Task<long> CountAsync(TestHost host) => host.WithDbAsync(db => db.AuditEntries.LongCountAsync(None));

    private static Task<AuditCheck.Result> CheckAsync(TestHost host) =>
        host.WithDbAsync(db => new AuditCheck(db).RunAsync(None));

    /// <summary>Records one change through the platform's audit log, in a save of its own; answers the entry's id.</summary>
    private static async Task<long> RecordAsync(TestHost host, string entityId)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<AuditLog>()
            .Record(new CurrentUser(Guid.NewGuid(), [Roles.Admin], null), "Test", entityId, AuditAction.Update, new { value = 1 }, new { value = 2 });
        await db.SaveChangesAsync(None);
        return await db.AuditEntries.Where(a => a.EntityId == entityId).Select(a => a.Id).SingleAsync(None);
    }
}
