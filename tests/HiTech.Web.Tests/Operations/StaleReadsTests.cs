using HiTech.Web.Data;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
#if POSTGRES
using System.Net;
using Npgsql;
#endif

namespace HiTech.Web.Tests.Operations;

/// <summary>
/// Reads that may lag (public verification, the directory) go to ConnectionStrings:ReadReplica when it is set, on
/// read-only sessions; without it everything reads the primary, and on SQLite the setting is refused.
/// </summary>
public sealed class StaleReadsTests(StaleReadsFixture platform) : IClassFixture<StaleReadsFixture>
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_replica_every_read_goes_to_the_request_s_own_context_on_the_primary()
    {
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        var reads = scope.ServiceProvider.GetRequiredService<StaleReads>();
        Assert.False(reads.OnReplica);
        Assert.Same(scope.ServiceProvider.GetRequiredService<AppDbContext>(), reads.Db);

        var certificate = await platform.WithDbAsync(db => db.Certificates.AsNoTracking().Select(c => c.Id).FirstAsync(None));
        using var anonymous = platform.Anonymous();
        var verified = await TestHost.JsonAsync(await anonymous.GetAsync($"/api/v1/certificates/{certificate}/verify", None));
        Assert.Equal("valid", verified.GetProperty("status").GetString());
    }

#if POSTGRES
    [Fact]
    public async Task With_a_replica_public_reads_use_it_and_it_refuses_a_write()
    {
        // The "replica" is the test's own database through the replica's setting: what matters is which connection reads.
        var settings = new Dictionary<string, string>();
        await using var factory = new WebAppFactory { Settings = settings };
        settings["ConnectionStrings:ReadReplica"] = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(WebAppFactory.PostgresVariable)) { Database = factory.DatabaseName }.ConnectionString;
        _ = factory.Server;

        await using var scope = factory.Services.CreateAsyncScope();
        var reads = scope.ServiceProvider.GetRequiredService<StaleReads>();
        Assert.True(reads.OnReplica);
        Assert.NotSame(scope.ServiceProvider.GetRequiredService<AppDbContext>(), reads.Db);
        Assert.Contains("default_transaction_read_only=on", reads.Db.Database.GetConnectionString(), StringComparison.Ordinal);

        // The primary's model object itself, else a compiled query run on both (the certificate check) recompiles at every switch.
        Assert.Same(scope.ServiceProvider.GetRequiredService<AppDbContext>().Model, reads.Db.Model);

        var certificate = await reads.Db.Certificates.Select(c => c.Id).FirstAsync(None);
        using var anonymous = factory.CreateBareClient();
        var verified = await TestHost.JsonAsync(await anonymous.GetAsync($"/api/v1/certificates/{certificate}/verify", None));
        Assert.Equal("valid", verified.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/providers?q=lab", None)).StatusCode);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => reads.Db.Database.ExecuteSqlRawAsync("""UPDATE "Certificates" SET "RevokedReason" = 'written on the read path' """, None));
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Certificates.CountAsync(c => c.RevokedReason == "written on the read path", None));
    }
#endif

#if !POSTGRES
    [Fact]
    public async Task A_replica_setting_on_SQLite_is_refused_at_start_up_naming_it()
    {
        await using var factory = new WebAppFactory { Settings = new Dictionary<string, string> { ["ConnectionStrings:ReadReplica"] = "Host=127.0.0.1;Database=replica" } };
        var refused = Assert.ThrowsAny<Exception>(() => factory.Server);
        Assert.Contains("ConnectionStrings:ReadReplica", refused.ToString(), StringComparison.Ordinal);
    }
#endif
}

/// <summary>A platform of the stale-reads tests' own, without a replica.</summary>
public sealed class StaleReadsFixture : TestHost;
