using System.Data.Common;
using HiTech.Core.Analytics;
using HiTech.Web.Infrastructure.Analytics;

namespace HiTech.Web.Features.Analytics;

/// <summary>
/// The dashboard's tables of one year under its sector and size filter, read from the store and disclosure-controlled.
/// The unfiltered tables are published too, so a filtered table could be subtracted from them to give the enterprises
/// outside the filter: each filtered table is protected jointly with its complement (<see cref="FilterDisclosure"/>),
/// against the unfiltered table exactly as published. Without a filter, the tables are protected on their own.
/// </summary>
internal sealed class FilteredFigures(DbConnection connection, DisclosureRules rules, string? sector, string? size, CancellationToken cancellationToken)
{
    public bool Filtered => sector is not null || size is not null;

    /// <summary>The unfiltered one-way table of the year, as published without a filter.</summary>
    public async Task<DisclosedTable> UnfilteredAsync(GroupDimension by, int year) =>
        DisclosureControl.Apply(await Totals(by, year, null, null, outside: false), rules);

    /// <summary>Whether the year's total can be published at all: shown in each of its unfiltered tables.</summary>
    public async Task<bool> PublishableAsync(int year) => SharedTotals.Shown(
        PublishedTable.Of(await UnfilteredAsync(GroupDimension.District, year)),
        PublishedTable.Of(await UnfilteredAsync(GroupDimension.Sector, year)),
        PublishedTable.Of(await UnfilteredAsync(GroupDimension.Size, year)));

    /// <summary>The table under the filter, protected against the unfiltered one.</summary>
    public async Task<PublishedTable> TableAsync(GroupDimension by, int year)
    {
        var all = await UnfilteredAsync(by, year);
        return Filtered ? PublishedTable.Of(await AgainstAsync(all, by, year)) : PublishedTable.Of(all);
    }

    /// <summary>
    /// The headline (one row per year, this year and the year before) under the filter: the rules of
    /// <see cref="SharedTotals.Headline"/>, and, under a filter, protected against the unfiltered headline too.
    /// </summary>
    public async Task<PublishedTable> HeadlineAsync(int year, IReadOnlySet<int> hiddenYears, IReadOnlySet<int> unfilteredHiddenYears)
    {
        var own = SharedTotals.HeadlineVerdicts(await Totals(GroupDimension.Year, year, sector, size, outside: false), rules, hiddenYears);
        if (!Filtered)
        {
            return PublishedTable.Of(own);
        }

        var all = SharedTotals.HeadlineVerdicts(await Totals(GroupDimension.Year, year, null, null, outside: false), rules, unfilteredHiddenYears);
        var joint = FilterDisclosure.Apply(own.Table, await Totals(GroupDimension.Year, year, sector, size, outside: true), all, rules);
        return PublishedTable.Of(new DisclosedTable(own.Table, [.. own.Groups.Select((v, i) => v.Published ? joint.Groups[i] : v)], own.Total));
    }

    /// <summary>Each DMA dimension's distribution under the filter, protected against the unfiltered one.</summary>
    public async Task<IReadOnlyDictionary<string, (ScoreDistribution In, ScoreDistribution? Outside)>> DimensionsAsync(int year)
    {
        var inFilter = await StoreQueries.DimensionsAsync(connection, year, sector, size, cancellationToken);
        var outside = Filtered ? await StoreQueries.DimensionsAsync(connection, year, sector, size, outside: true, cancellationToken) : null;
        return inFilter.Keys.Concat(outside?.Keys ?? []).Distinct(StringComparer.Ordinal).ToDictionary(
            id => id,
            id => (inFilter.GetValueOrDefault(id, ScoreDistribution.Empty), outside is null ? (ScoreDistribution?)null : outside.GetValueOrDefault(id, ScoreDistribution.Empty)),
            StringComparer.Ordinal);
    }

    public Task<IReadOnlyList<(string From, string To, int Enterprises)>> MovesAsync(int year, bool filtered, bool outside = false) =>
        StoreQueries.TransitionsAsync(connection, year, filtered ? sector : null, filtered ? size : null, outside, cancellationToken);

    private async Task<DisclosedTable> AgainstAsync(DisclosedTable all, GroupDimension by, int year) => FilterDisclosure.Apply(
        await Totals(by, year, sector, size, outside: false), await Totals(by, year, sector, size, outside: true), all, rules);

    private Task<GroupTable> Totals(GroupDimension by, int year, string? sectorId, string? sizeId, bool outside) =>
        StoreQueries.TotalsAsync(connection, SqlDialect.DuckDb, by, year, sectorId, sizeId, outside, cancellationToken);
}
