using System.Collections.Concurrent;
using HiTech.Core.Analytics;

namespace HiTech.Web.Features.Analytics;

/// <summary>
/// The protected cubes of the snapshot in use. A cube answers every filter combination of its table and year, and a
/// snapshot never changes, so each is worked out once per snapshot and node; a newer snapshot drops the older cubes.
/// </summary>
public sealed class FilterCubeCache
{
    private readonly ConcurrentDictionary<(DateTimeOffset AsOf, int Year, string Table), FilterCube> _cubes = new();

    /// <summary>The cube of a table ("tables", "transitions", "dma:{dimension}") and year of the snapshot as of <paramref name="asOf"/>.</summary>
    public async Task<FilterCube> GetAsync(DateTimeOffset asOf, int year, string table, Func<Task<FilterCube>> protect)
    {
        ArgumentNullException.ThrowIfNull(protect);
        if (_cubes.TryGetValue((asOf, year, table), out var cube))
        {
            return cube;
        }

        // Two requests may protect the same cube at once: the same input gives the same cube, so either may be kept.
        cube = await protect();
        foreach (var stale in _cubes.Keys.Where(k => k.AsOf != asOf))
        {
            _cubes.TryRemove(stale, out _);
        }

        return _cubes.GetOrAdd((asOf, year, table), cube);
    }
}
