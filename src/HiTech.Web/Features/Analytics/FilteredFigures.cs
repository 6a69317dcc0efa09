using System.Data.Common;
using System.Globalization;
using HiTech.Core.Analytics;
using HiTech.Web.Infrastructure.Analytics;

namespace HiTech.Web.Features.Analytics;

/// <summary>
/// The dashboard's figures of one year under its priority sector and size class filters, read from the store and
/// disclosure-controlled. Anyone signed in as an analyst may look at every filter combination and add or subtract
/// what they see, so a filtered cell's verdict comes from one <see cref="FilterCube"/> per table and year, which
/// protects every combination together, against the unfiltered tables exactly as published. Without a filter, the
/// tables are protected on their own.
/// </summary>
internal sealed class FilteredFigures(
    DbConnection connection,
    string snapshot,
    DashboardCache cache,
    DisclosureRules rules,
    IReadOnlySet<string> sectors,
    IReadOnlySet<string> sizes,
    string? sector,
    string? size,
    CancellationToken cancellationToken)
{
    public bool Filtered => sector is not null || size is not null;

    private string First => sector ?? CubeKey.All;

    private string Second => size ?? CubeKey.All;

    /// <summary>The unfiltered one-way table of the year, as published without a filter.</summary>
    public async Task<DisclosedTable> UnfilteredAsync(GroupDimension by, int year) =>
        DisclosureControl.Apply(await Totals(by, year, null, null), rules);

    /// <summary>Whether the year's total can be published at all: shown in each of its unfiltered tables.</summary>
    public async Task<bool> PublishableAsync(int year) => SharedTotals.Shown(
        PublishedTable.Of(await UnfilteredAsync(GroupDimension.District, year)),
        PublishedTable.Of(await UnfilteredAsync(GroupDimension.Sector, year)),
        PublishedTable.Of(await UnfilteredAsync(GroupDimension.Size, year)));

    /// <summary>The table by district, sector or size under the filters.</summary>
    public async Task<PublishedTable> TableAsync(GroupDimension by, int year)
    {
        if (!Filtered)
        {
            return PublishedTable.Of(await UnfilteredAsync(by, year));
        }

        var values = await Totals(by, year, sector, size);
        var cube = await CubeAsync(year);
        Func<string, CubeKey> at = by switch
        {
            GroupDimension.District => g => new CubeKey(g, First, Second),
            GroupDimension.Sector => g => new CubeKey(CubeKey.All, g, Second),
            GroupDimension.Size => g => new CubeKey(CubeKey.All, First, g),
            _ => throw new ArgumentOutOfRangeException(nameof(by), by, "the dashboard filters only its tables by district, sector and size"),
        };
        return PublishedTable.Of(new DisclosedTable(
            values, [.. values.Groups.Select(g => Verdict(cube, at(g.Group)))], Verdict(cube, new CubeKey(CubeKey.All, First, Second))));
    }

    /// <summary>
    /// The headline (one row per year, this year and the year before) under the filters: the rules of
    /// <see cref="SharedTotals.Headline"/>, and each year's row as the cube of that year publishes the filtered total.
    /// </summary>
    public async Task<PublishedTable> HeadlineAsync(int year, IReadOnlySet<int> hiddenYears)
    {
        var own = SharedTotals.HeadlineVerdicts(await Totals(GroupDimension.Year, year, sector, size), rules, hiddenYears);
        if (!Filtered)
        {
            return PublishedTable.Of(own);
        }

        var verdicts = new List<CellDisclosure>();
        foreach (var (group, verdict) in own.Table.Groups.Zip(own.Groups))
        {
            var y = int.Parse(group.Group, NumberStyles.None, CultureInfo.InvariantCulture);
            verdicts.Add(verdict.Published ? Verdict(await CubeAsync(y), new CubeKey(CubeKey.All, First, Second)) : verdict);
        }

        return PublishedTable.Of(own with { Groups = verdicts });
    }

    /// <summary>Each DMA dimension's distribution under the filters, by dimension id.</summary>
    public async Task<IReadOnlyDictionary<string, DisclosedDistribution>> DimensionsAsync(int year)
    {
        var all = await StoreQueries.DimensionsAsync(connection, year, null, null, cancellationToken);
        if (!Filtered)
        {
            return all.ToDictionary(d => d.Key, d => DistributionDisclosure.Apply(d.Key, d.Value, rules), StringComparer.Ordinal);
        }

        var inFilter = await StoreQueries.DimensionsAsync(connection, year, sector, size, cancellationToken);
        var outside = await StoreQueries.DimensionsAsync(connection, year, sector, size, outside: true, cancellationToken);
        IReadOnlyDictionary<(string Sector, string Size), Dictionary<string, ScoreDistribution>>? cells = null;
        var bands = Enumerable.Range(0, ScoreDistribution.BandCount).Select(DistributionDisclosure.BandKey).ToList();
        var disclosed = new Dictionary<string, DisclosedDistribution>(StringComparer.Ordinal);
        foreach (var (id, distribution) in all)
        {
            var unfiltered = DistributionDisclosure.Apply(id, distribution, rules);
            // The cells are read only when a cube is not kept already (once per snapshot, for every dimension).
            var cube = await cache.GetOrComputeAsync(new CubeCacheKey(snapshot, year, $"dma:{id}"), async () =>
                DimensionCube(id, unfiltered, cells ??= await StoreQueries.CubeDimensionsAsync(connection, year, cancellationToken), bands));
            var others = outside.GetValueOrDefault(id, ScoreDistribution.Empty);

            // The mean of those outside the filter follows from the two published means and counts.
            disclosed[id] = DistributionDisclosure.Of(
                id,
                inFilter.GetValueOrDefault(id, ScoreDistribution.Empty),
                [.. bands.Select(band => Verdict(cube, new CubeKey(band, First, Second)))],
                Verdict(cube, new CubeKey(CubeKey.All, First, Second)),
                meanHidden: others.Reporting is > 0 && others.Reporting < rules.MinFrequency);
        }

        return disclosed;
    }

    /// <summary>The cube of one DMA dimension's bands: the unfiltered distribution as published is its fixed margin.</summary>
    private FilterCube DimensionCube(string id, DisclosedDistribution unfiltered, IReadOnlyDictionary<(string Sector, string Size), Dictionary<string, ScoreDistribution>> cells, List<string> bands)
    {
        var finest = cells.Where(c => c.Value.ContainsKey(id))
            .SelectMany(c => bands.Select((band, b) => (Key: new CubeKey(band, c.Key.Sector, c.Key.Size), Count: c.Value[id].Bands[b])))
            .ToDictionary(x => x.Key, x => GroupTotals.Empty(x.Key.Row) with { Enterprises = x.Count });
        return Cube(bands, finest, k => (k.Row, k.First, k.Second) switch
        {
            (CubeKey.All, CubeKey.All, CubeKey.All) => CubeRole.PublishedAs(unfiltered.Verdict),
            (_, CubeKey.All, CubeKey.All) => CubeRole.PublishedAs(unfiltered.BandVerdicts[bands.IndexOf(k.Row)]),
            _ => Filterable(k) ? CubeRole.Protected : CubeRole.Never,
        });
    }

    public Task<IReadOnlyList<(string From, string To, int Enterprises)>> MovesAsync(int year, bool filtered) =>
        StoreQueries.TransitionsAsync(connection, year, filtered ? sector : null, filtered ? size : null, cancellationToken);

    /// <summary>
    /// The verdicts of the filtered transition cells (keys "from|to"): the unfiltered matrix's cells as published are
    /// the cube's fixed margin; the filtered matrices' margins are never published.
    /// </summary>
    public async Task<Func<string, CellDisclosure>> MoveVerdictsAsync(int year, IReadOnlyList<string> cells, Func<string, CellDisclosure> unfiltered, CellDisclosure unfilteredTotal)
    {
        var cube = await cache.GetOrComputeAsync(new CubeCacheKey(snapshot, year, "transitions"), async () =>
        {
            var moves = await StoreQueries.CubeTransitionsAsync(connection, year, cancellationToken);
            var finest = moves.GroupBy(m => new CubeKey($"{m.From}|{m.To}", m.Sector, m.Size))
                .ToDictionary(g => g.Key, g => GroupTotals.Empty(g.Key.Row) with { Enterprises = g.Sum(m => m.Enterprises) });
            return Cube(cells, finest, k => (k.Row, k.First, k.Second) switch
            {
                (CubeKey.All, CubeKey.All, CubeKey.All) => CubeRole.PublishedAs(unfilteredTotal),
                (_, CubeKey.All, CubeKey.All) => CubeRole.PublishedAs(unfiltered(k.Row)),
                (CubeKey.All, _, _) => CubeRole.Never,
                _ => Filterable(k) ? CubeRole.Protected : CubeRole.Never,
            });
        });
        return cell => Verdict(cube, new CubeKey(cell, First, Second));
    }

    /// <summary>
    /// The cube of the tables by district, sector and size of a year: its fixed margins are the unfiltered tables as
    /// published; a cell is shown in some view when each filter it sets can be chosen (a district's enterprises of no
    /// priority sector are in no view), and a cell of the sectors by sizes also when either filter can be chosen (the
    /// table by sector under a size filter shows the enterprises of no priority sector).
    /// </summary>
    private Task<FilterCube> CubeAsync(int year) => cache.GetOrComputeAsync(new CubeCacheKey(snapshot, year, "tables"), async () =>
    {
        var (byDistrict, bySector, bySize) = (await UnfilteredAsync(GroupDimension.District, year), await UnfilteredAsync(GroupDimension.Sector, year), await UnfilteredAsync(GroupDimension.Size, year));
        // A category the table does not list (a filter chosen with no enterprise in it) is an empty cell: nothing to hide.
        CellDisclosure Published(DisclosedTable table, string key) =>
            table.Table.Groups.ToList().FindIndex(g => g.Group == key) is var i and >= 0 ? table.Groups[i] : CellDisclosure.Shown;
        return Cube(
            [.. byDistrict.Table.Groups.Select(g => g.Group)],
            await StoreQueries.CubeTotalsAsync(connection, SqlDialect.DuckDb, GroupDimension.District, year, cancellationToken),
            k => (k.Row, k.First, k.Second) switch
            {
                (CubeKey.All, CubeKey.All, CubeKey.All) => CubeRole.PublishedAs(byDistrict.Total),
                (_, CubeKey.All, CubeKey.All) => CubeRole.PublishedAs(Published(byDistrict, k.Row)),
                (CubeKey.All, _, CubeKey.All) => CubeRole.PublishedAs(Published(bySector, k.First)),
                (CubeKey.All, CubeKey.All, _) => CubeRole.PublishedAs(Published(bySize, k.Second)),
                (CubeKey.All, _, _) => sectors.Contains(k.First) || sizes.Contains(k.Second) ? CubeRole.Protected : CubeRole.Never,
                _ => Filterable(k) ? CubeRole.Protected : CubeRole.Never,
            },
            sectorsOf: bySector.Table.Groups.Select(g => g.Group),
            sizesOf: bySize.Table.Groups.Select(g => g.Group));
    });

    private FilterCube Cube(IReadOnlyList<string> rows, IReadOnlyDictionary<CubeKey, GroupTotals> finest, Func<CubeKey, CubeRole> role, IEnumerable<string>? sectorsOf = null, IEnumerable<string>? sizesOf = null)
    {
        var firsts = (sectorsOf ?? []).Concat(finest.Keys.Select(k => k.First)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var seconds = (sizesOf ?? []).Concat(finest.Keys.Select(k => k.Second)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var cube = new FilterCube(rows, firsts, seconds, finest, role, rules);
        cube.Protect();
        return cube;
    }

    /// <summary>A cube answers every filter combination of its table and year: kept once per snapshot.</summary>
    private sealed record CubeCacheKey(string Snapshot, int Year, string Table);

    /// <summary>
    /// A cell's verdict; a filter value the cube has no category for has no enterprise in the year, and an empty view
    /// gives nothing away (the unfiltered tables already show it is empty).
    /// </summary>
    private static CellDisclosure Verdict(FilterCube cube, CubeKey key) => cube.Contains(key) ? cube.Verdict(key) : CellDisclosure.Shown;

    /// <summary>Whether each filter the cell sets is one an analyst can choose.</summary>
    private bool Filterable(CubeKey key) =>
        (key.First == CubeKey.All || sectors.Contains(key.First)) && (key.Second == CubeKey.All || sizes.Contains(key.Second));

    private Task<GroupTable> Totals(GroupDimension by, int year, string? sectorId, string? sizeId) =>
        StoreQueries.TotalsAsync(connection, SqlDialect.DuckDb, by, year, sectorId, sizeId, cancellationToken);
}
