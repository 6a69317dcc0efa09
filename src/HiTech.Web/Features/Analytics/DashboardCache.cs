using Microsoft.Extensions.Caching.Memory;

namespace HiTech.Web.Features.Analytics;

/// <summary>
/// The dashboard's figures worked out from one snapshot, kept on this node for as long as that snapshot is in use. A
/// published snapshot never changes, so the same filter on it always gives the same figures, and working them out is a
/// dozen DuckDB queries: under the deadline-day mix that was the biggest single cost in a node's CPU profile
/// (bench/RESULTS.md). Keys carry the snapshot's file, new for every snapshot, so a new snapshot is read afresh; an old
/// one's entries go when the cache is full or after an hour unused. What the dashboard reads from the live database
/// (the collaboration figures) is read on every request and never kept here.
/// </summary>
public sealed class DashboardCache : IDisposable
{
    private const int MaxEntries = 256;

    private static readonly TimeSpan Unused = TimeSpan.FromHours(1);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    private long _computed;

    /// <summary>How many times figures were worked out rather than taken from the cache.</summary>
    public long Computed => Interlocked.Read(ref _computed);

    /// <summary>The value kept under <paramref name="key"/> (which must name the snapshot), else <paramref name="compute"/>'s, then kept.</summary>
    public async Task<T> GetOrComputeAsync<T>(object key, Func<Task<T>> compute)
        where T : class
    {
        if (_cache.TryGetValue(key, out T? found) && found is not null)
        {
            return found;
        }

        // Two requests missing at once both compute (the same figures); a cancelled one keeps nothing.
        var value = await compute();
        Interlocked.Increment(ref _computed);
        _cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Unused });
        return value;
    }

    public void Dispose() => _cache.Dispose();
}
