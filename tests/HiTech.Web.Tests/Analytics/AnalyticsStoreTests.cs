using HiTech.Core.Analytics;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Analytics;
using Microsoft.Extensions.Logging.Abstractions;

namespace HiTech.Web.Tests.Analytics;

/// <summary>The store's swap: readers never see a half-written snapshot, and keep the one they opened.</summary>
public sealed class AnalyticsStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hitech-analytics-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void A_reader_keeps_its_snapshot_while_a_new_one_is_published_and_the_old_file_goes_when_it_is_done()
    {
        using var store = NewStore();
        Assert.Null(store.OpenReader());
        var first = Publish(store, rows: 3, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using (var before = store.OpenReader()!)
        {
            Assert.Equal(3, Count(before));
            var second = Publish(store, rows: 7, new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));

            // The old reader still reads the old snapshot, whole; a new reader reads the new one.
            Assert.Equal(3, Count(before));
            Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), before.AsOf);
            using var after = store.OpenReader()!;
            Assert.Equal(7, Count(after));
            Assert.Equal(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), after.AsOf);
            Assert.True(File.Exists(first));
            Assert.Equal(second, store.CurrentFile);
        }

        Assert.False(File.Exists(first));
    }

    [Fact]
    public async Task Readers_during_rebuilds_always_see_a_complete_snapshot()
    {
        using var store = NewStore();
        Publish(store, rows: 10, DateTimeOffset.UnixEpoch);
        using var stop = new CancellationTokenSource();
        var seen = new List<long>();
        var reading = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var reader = store.OpenReader()!;
                using var command = reader.Connection.CreateCommand();

                // Both tables of one snapshot agree: the facts counted now are the ones snapshot_info says were written.
                command.CommandText = "SELECT (SELECT count(*) FROM enterprise_facts), (SELECT enterprise_rows FROM snapshot_info)";
                using var r = command.ExecuteReader();
                r.Read();
                Assert.Equal(Convert.ToInt64(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
                lock (seen)
                {
                    seen.Add(Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        });
        for (var i = 1; i <= 8; i++)
        {
            Publish(store, rows: 10 + (i * 500), DateTimeOffset.UnixEpoch.AddDays(i));
        }

        await stop.CancelAsync();
        await reading;
        Assert.NotEmpty(seen);
        Assert.All(seen, n => Assert.Equal(0, (n - 10) % 500));

        // Only the snapshot in use is left on disk: no part file, no superseded snapshot.
        Assert.Equal([Path.GetFileName(store.CurrentFile!)], Directory.GetFiles(store.Directory).Select(Path.GetFileName).Where(f => !f!.EndsWith(".wal", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_restarted_node_uses_the_newest_complete_snapshot_and_drops_an_unfinished_one()
    {
        string newest;
        using (var store = NewStore())
        {
            Publish(store, rows: 2, DateTimeOffset.UnixEpoch);
            newest = Publish(store, rows: 4, DateTimeOffset.UnixEpoch.AddDays(1));

            // A build that never finished (the process was stopped while writing).
            File.WriteAllText(store.NewPartFile(DateTimeOffset.UnixEpoch.AddDays(2)), "half written");
        }

        using var restarted = NewStore();
        Assert.Equal(newest, restarted.CurrentFile);
        using var reader = restarted.OpenReader()!;
        Assert.Equal(4, Count(reader));
        Assert.Empty(Directory.GetFiles(restarted.Directory, "*" + AnalyticsStore.PartExtension));
    }

    [Fact]
    public async Task The_store_gives_each_dma_dimension_the_distribution_core_computes_in_memory()
    {
        // Scores on and beside every band boundary, a dimension not every enterprise has, one enterprise without any.
        double[] scores = [0, 19.99, 20, 39.5, 40, 59.99, 60, 79.99, 80, 100];
        var facts = scores.Select((score, i) => Facts(i) with
        {
            DmaDimensions = i == 9 ? null : i % 2 == 0
                ? new Dictionary<string, double> { ["data_management"] = score, ["green_digitalisation"] = 100 - score }
                : new Dictionary<string, double> { ["data_management"] = score },
        }).ToList();
        using var store = NewStore();
        var part = store.NewPartFile(DateTimeOffset.UnixEpoch);
        SnapshotWriter.Write(part, DateTimeOffset.UnixEpoch, facts, []);
        store.Publish(part);
        using var reader = store.OpenReader()!;

        var fromStore = await StoreQueries.DimensionsAsync(reader.Connection, 2025, null, null, TestContext.Current.CancellationToken);

        var inMemory = GroupTableBuilder.Tally(facts, GroupDimension.State).Total.DmaDimensions;
        Assert.Equal(inMemory.Keys.Order(), fromStore.Keys.Order());
        foreach (var (dimension, expected) in inMemory)
        {
            Assert.Equal(expected.Reporting, fromStore[dimension].Reporting);
            Assert.Equal(expected.Sum, fromStore[dimension].Sum, precision: 9);
            Assert.Equal(expected.Bands, fromStore[dimension].Bands);
        }

        Assert.Equal([2, 2, 2, 2, 1], fromStore["data_management"].Bands);
    }

    private AnalyticsStore NewStore() => new(new PlatformOptions { DataDirectory = _directory }, NullLogger<AnalyticsStore>.Instance);

    private static string Publish(AnalyticsStore store, int rows, DateTimeOffset asOf)
    {
        var part = store.NewPartFile(asOf);
        SnapshotWriter.Write(part, asOf, [.. Enumerable.Range(0, rows).Select(Facts)], []);
        store.Publish(part);
        return store.CurrentFile!;
    }

    private static EnterpriseFacts Facts(int i) => new(
        $"E{i}", 2025, "ernakulam", "26", "esdm", SizeClasses.Small, "hitech", true, "2025.1", "approved",
        1000m + i, 800m, 400m, 50m, 100m, 3000m, 20, 2, 5, 0, 55.5, new Dictionary<string, double> { ["digital-business-strategy"] = 40 }, 1);

    private static long Count(AnalyticsReader reader)
    {
        using var command = reader.Connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM enterprise_facts";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
