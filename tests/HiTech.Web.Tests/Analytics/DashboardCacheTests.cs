using System.Net;
using System.Text.Json;
using HiTech.Web.Features.Analytics;
using HiTech.Web.Infrastructure.Analytics;
using HiTech.Web.Tests.Reviews;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Analytics;

/// <summary>The dashboard's figures are worked out once per snapshot and filter, and afresh from each new snapshot.</summary>
public sealed class DashboardCacheTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_snapshot_is_read_once_per_filter_and_a_new_snapshot_is_read_again()
    {
        var cache = platform.Factory.Services.GetRequiredService<DashboardCache>();
        var store = platform.Factory.Services.GetRequiredService<AnalyticsStore>();
        using var api = await platform.ApiAsync(DemoSeeder.AnalystEmail);

        // The counts hold for one snapshot: a refresh the platform starts by itself (the first snapshot at start-up,
        // one after an approval) may put a new one in use meanwhile, and then the sequence is taken again.
        JsonElement first;
        for (var attempt = 1; ; attempt++)
        {
            await RebuildAsync();
            var file = store.CurrentFile;
            var before = cache.Computed;
            first = await DashboardAsync(api, "");
            var afterFirst = cache.Computed;
            var again = await DashboardAsync(api, "");
            var afterAgain = cache.Computed;

            // Another filter is its own entry (with the protected cubes of the year, kept for every filter); the years
            // are not read again, and asking again computes nothing.
            var year = first.GetProperty("year").GetInt32();
            await DashboardAsync(api, $"?year={year}&size=micro");
            var filtered = cache.Computed;
            await DashboardAsync(api, $"?year={year}&size=micro");
            await DashboardAsync(api, $"?year={year}&size=small");
            var afterSmall = cache.Computed;
            if (store.CurrentFile != file)
            {
                Assert.True(attempt < 3, "a new snapshot came into use during every attempt");
                continue;
            }

            Assert.Equal(before + 2, afterFirst); // the years, then the figures for the default filter
            Assert.Equal(before + 2, afterAgain);
            Assert.Equal(first.GetRawText(), again.GetRawText());
            Assert.True(filtered > before + 3, "the figures and the cubes of a filtered view");
            Assert.Equal(filtered + 1, afterSmall); // another size: its figures only, the cubes are the same
            break;
        }

        // A new snapshot (a new file) is read afresh, and the answer says so.
        var oldFile = store.CurrentFile;
        await RebuildAsync();
        Assert.NotEqual(oldFile, store.CurrentFile);
        var (inUse, beforeFresh) = (store.AsOf, cache.Computed);
        var fresh = await DashboardAsync(api, "");
        Assert.True(cache.Computed >= beforeFresh + 2, "the years and the figures are read again from the new snapshot");
        var asOf = fresh.GetProperty("as_of").GetDateTimeOffset();
        Assert.True(asOf >= inUse && asOf <= store.AsOf, $"as of {asOf:O}: the snapshot in use was {inUse:O}, then {store.AsOf:O}");
        Assert.Equal(first.GetProperty("headline").GetRawText(), fresh.GetProperty("headline").GetRawText());
    }

    private async Task RebuildAsync()
    {
        var job = platform.Factory.Services.GetServices<HiTech.Web.Infrastructure.Jobs.IRecurringJob>().OfType<SnapshotJob>().Single();
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        await job.RebuildAsync(scope.ServiceProvider, None);
    }

    private static async Task<JsonElement> DashboardAsync(HttpClient api, string query)
    {
        var response = await api.GetAsync("/api/v1/analytics/dashboard" + query, None);
        var body = await response.Content.ReadAsStringAsync(None);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
