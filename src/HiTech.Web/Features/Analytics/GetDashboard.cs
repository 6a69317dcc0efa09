using HiTech.Core.Analytics;
using HiTech.Core.Reference;
using HiTech.Web.Features.Maturity;
using HiTech.Web.Infrastructure.Analytics;

namespace HiTech.Web.Features.Analytics;

/// <summary>What the dashboard is asked for (the GET form and the API's query): all optional.</summary>
public sealed record DashboardFilter(string? Year = null, string? Sector = null, string? Size = null, string? Indicator = null);

/// <summary>One group of a published table: its indicators, or null when disclosure control hides it (and why).</summary>
public sealed record DisclosedRow(string Key, IndicatorValues? Values, CellDisclosure Verdict);

/// <summary>A one-way table as published: its groups and its total, each passed through disclosure control.</summary>
public sealed record PublishedTable(GroupDimension By, IReadOnlyList<DisclosedRow> Rows, DisclosedRow Total)
{
    public DisclosedRow? Row(string key) => Rows.FirstOrDefault(r => r.Key == key);

    public static PublishedTable Of(DisclosedTable disclosed) => new(
        disclosed.Table.By,
        [.. disclosed.Table.Groups.Select((g, i) => Row(g, disclosed.Groups[i]))],
        Row(disclosed.Table.Total, disclosed.Total));

    private static DisclosedRow Row(GroupTotals totals, CellDisclosure verdict) =>
        new(totals.Group, verdict.Published ? IndicatorValues.Of(totals) : null, verdict);
}

/// <summary>
/// Tier last year (rows) against tier this year (columns), counts only, with margins; null counts are hidden, and
/// the verdicts say by which rule (never the hidden figure).
/// </summary>
public sealed record TransitionMatrix(
    IReadOnlyList<string> Tiers,
    IReadOnlyList<IReadOnlyList<int?>> Cells,
    IReadOnlyList<int?> From,
    IReadOnlyList<int?> To,
    int? Total,
    IReadOnlyList<IReadOnlyList<CellDisclosure>> CellVerdicts,
    IReadOnlyList<CellDisclosure> FromVerdicts,
    IReadOnlyList<CellDisclosure> ToVerdicts,
    CellDisclosure TotalVerdict);

/// <summary>A pipeline stage as published: null figures are hidden (a stage of fewer than the minimum of assessments).</summary>
public sealed record PublishedStage(string Stage, int? Assessments, double? MedianDays, double? P90Days, CellDisclosure Verdict);

/// <summary>
/// The dashboard's tables of one year (the one asked for, or the default) under one filter, read from one snapshot and
/// kept in the dashboard's cache with it; every cell passed through Core's disclosure control.
/// </summary>
public sealed record DashboardTables(
    int Year,
    PublishedTable Headline,
    PublishedTable ByDistrict,
    PublishedTable BySector,
    PublishedTable BySize,
    TransitionMatrix Transitions,
    IReadOnlyList<PublishedStage> Pipeline,
    IReadOnlyList<DisclosedDistribution> Dimensions);

/// <summary>
/// The dashboard of one year: the snapshot's <see cref="Tables"/> for the filter, with what each request adds (the
/// indicator chosen for the charts, the collaboration figures read from the platform now).
/// </summary>
public sealed record Dashboard(
    DateTimeOffset AsOf,
    IReadOnlyList<int> Years,
    string? Sector,
    string? Size,
    string Indicator,
    DisclosureRules Rules,
    DashboardTables Tables,
    PublishedCollaboration Collaboration);

/// <summary>
/// The analysts' dashboard from the analytical store: headline indicators for the year and the year before, the
/// districts, sectors and size classes, the tier transitions and the review pipeline. Totals come from DuckDB
/// (<see cref="StoreQueries"/>); the indicators from Core (<see cref="IndicatorValues"/>); nothing is returned that
/// has not passed <see cref="DisclosureControl"/>. Not found while no snapshot exists yet.
/// </summary>
public sealed class GetDashboard(AnalyticsStore store, DashboardCache cache, DisclosureRules rules, ReferenceData reference, MaturityReference maturity, AppDbContext db, IStringLocalizer<AnalyticsText> l)
{
    /// <summary>The pipeline's stages in the order an assessment goes through them.</summary>
    public static readonly IReadOnlyList<string> Stages = ["submitted", "in_review", "returned", "approved"];

    private static readonly TimeSpan FirstSnapshotWait = TimeSpan.FromSeconds(20);

    public async Task<Outcome<Dashboard>> ExecuteAsync(DashboardFilter filter, IReadOnlyList<string> tierOrder, CancellationToken cancellationToken)
    {
        // A node that has just started builds its first snapshot in the background: wait for it a little.
        if (store.AsOf is null)
        {
            await store.WaitForFirstAsync(FirstSnapshotWait, cancellationToken);
        }

        using var reader = store.OpenReader();
        if (reader is null)
        {
            return Outcome.NotFound<Dashboard>(l["The figures are being prepared for the first time. Try again in a minute."]);
        }

        var connection = reader.Connection;
        var years = await cache.GetOrComputeAsync(new YearsKey(reader.File), () => StoreQueries.YearsAsync(connection, cancellationToken));
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        int? asked = null;
        if (!string.IsNullOrWhiteSpace(filter.Year))
        {
            if (int.TryParse(filter.Year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && years.Contains(parsed))
            {
                asked = parsed;
            }
            else
            {
                errors["year"] = [l["There are no figures for the year “{0}”. Choose one of the years listed.", filter.Year]];
            }
        }

        if (filter.Sector is { Length: > 0 } sector && !reference.PrioritySectors.TryGet(sector, out _))
        {
            errors["sector"] = [l["Choose a priority sector from the list."]];
        }

        if (filter.Size is { Length: > 0 } size && !SizeClasses.All.Contains(size, StringComparer.Ordinal))
        {
            errors["size"] = [l["Choose a size class from the list (micro, small, medium or large)."]];
        }

        if (filter.Indicator is { Length: > 0 } indicator && !DashboardIndicators.All.Contains(indicator, StringComparer.Ordinal))
        {
            errors["indicator"] = [l["Choose an indicator from the list."]];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<Dashboard>(errors);
        }

        if (years.Count == 0)
        {
            return Outcome.NotFound<Dashboard>(l["No assessment has been approved yet, so there are no figures to show."]);
        }

        var sectorId = string.IsNullOrEmpty(filter.Sector) ? null : filter.Sector;
        var sizeId = string.IsNullOrEmpty(filter.Size) ? null : filter.Size;
        var key = new FiguresKey(reader.File, asked, sectorId, sizeId, string.Join('|', tierOrder));
        var tables = await cache.GetOrComputeAsync(key, () => TablesAsync(connection, reader.File, years, asked, sectorId, sizeId, tierOrder, cancellationToken));
        var collaboration = await CollaborationAsync(tables.Year, cancellationToken);
        return Outcome.Ok(new Dashboard(
            reader.AsOf, years, sectorId, sizeId, string.IsNullOrEmpty(filter.Indicator) ? DashboardIndicators.All[0] : filter.Indicator, rules, tables, collaboration));
    }

    /// <summary>Everything the dashboard reads from the snapshot for one filter (the year asked, or null for the default).</summary>
    private async Task<DashboardTables> TablesAsync(
        System.Data.Common.DbConnection connection, string snapshot, IReadOnlyList<int> years, int? asked, string? sectorId, string? sizeId, IReadOnlyList<string> tierOrder, CancellationToken cancellationToken)
    {
        var figures = new FilteredFigures(connection, snapshot, cache, rules, FilterableSectors, SizeClasses.All.ToHashSet(StringComparer.Ordinal), sectorId, sizeId, cancellationToken);
        var year = asked ?? await DefaultYearAsync(figures, years);

        var byDistrict = await figures.TableAsync(GroupDimension.District, year);
        var bySector = await figures.TableAsync(GroupDimension.Sector, year);
        var bySize = await figures.TableAsync(GroupDimension.Size, year);
        var transitions = await TransitionsAsync(figures, year, tierOrder);
        var pipeline = Pipeline(await StoreQueries.PipelineAsync(connection, SqlDialect.DuckDb, year, cancellationToken));

        // A year's total hidden in one of its tables is hidden in all of them and in the headline (SharedTotals).
        var hiddenYears = new HashSet<int>();
        foreach (var y in new[] { year, year - 1 }.Where(years.Contains))
        {
            if (!SharedTotals.Shown(y == year ? [byDistrict, bySector, bySize] : [await figures.TableAsync(GroupDimension.District, y), await figures.TableAsync(GroupDimension.Sector, y), await figures.TableAsync(GroupDimension.Size, y)]))
            {
                hiddenYears.Add(y);
            }
        }

        var headline = await figures.HeadlineAsync(year, hiddenYears);

        // The headline's row for the year is the tables' total: hidden there (against the unfiltered headline), hidden in them.
        var yearKey = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (hiddenYears.Contains(year) || headline.Row(yearKey) is { Verdict.Published: false })
        {
            (byDistrict, bySector, bySize) = (SharedTotals.HideAll(byDistrict), SharedTotals.HideAll(bySector), SharedTotals.HideAll(bySize));
            pipeline = hiddenYears.Contains(year) ? SharedTotals.HideApproved(pipeline) : pipeline;
        }

        var dimensions = Dimensions(await figures.DimensionsAsync(year));
        return new DashboardTables(year, headline, byDistrict, bySector, bySize, transitions, pipeline, dimensions);
    }

    private sealed record YearsKey(string Snapshot);

    private sealed record FiguresKey(string Snapshot, int? Year, string? Sector, string? Size, string Tiers);

    /// <summary>
    /// The year shown when none is asked for: the latest whose figures can be published (its total passes disclosure
    /// control in every table; a year just begun may have too few approvals), else the latest.
    /// </summary>
    private static async Task<int> DefaultYearAsync(FilteredFigures figures, IReadOnlyList<int> years)
    {
        foreach (var year in years)
        {
            if (await figures.PublishableAsync(year))
            {
                return year;
            }
        }

        return years[0];
    }

    /// <summary>
    /// The tier transitions. Under a filter, the inner cells' verdicts come from the cube of every filter combination
    /// (against the unfiltered matrix's cells as published), and the filtered matrix's margins and total are not
    /// published, so that no hidden cell can be worked out from them.
    /// </summary>
    private async Task<TransitionMatrix> TransitionsAsync(FilteredFigures figures, int year, IReadOnlyList<string> tierOrder)
    {
        var allMoves = await figures.MovesAsync(year, filtered: false);
        var all = Matrix(allMoves, tierOrder);
        if (!figures.Filtered)
        {
            return all;
        }

        var inMoves = await figures.MovesAsync(year, filtered: true);
        int Count(string from, string to) => inMoves.Where(m => m.From == from && m.To == to).Sum(m => m.Enterprises);
        var cells = all.Tiers.SelectMany(from => all.Tiers.Select(to => $"{from}|{to}")).ToList();
        var unfiltered = cells.Zip(all.CellVerdicts.SelectMany(r => r)).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal);
        var verdictOf = await figures.MoveVerdictsAsync(year, cells, cell => unfiltered[cell], all.TotalVerdict);
        var verdicts = all.Tiers.Select(from => (IReadOnlyList<CellDisclosure>)[.. all.Tiers.Select(to => verdictOf($"{from}|{to}"))]).ToList();
        var hiddenMargins = all.Tiers.Select(_ => Secondary).ToList();
        return new TransitionMatrix(
            all.Tiers,
            [.. verdicts.Select((row, r) => (IReadOnlyList<int?>)[.. row.Select((v, c) => v.Published ? Count(all.Tiers[r], all.Tiers[c]) : (int?)null)])],
            [.. all.Tiers.Select(_ => (int?)null)],
            [.. all.Tiers.Select(_ => (int?)null)],
            null,
            verdicts,
            hiddenMargins,
            hiddenMargins,
            Secondary);
    }

    private static readonly CellDisclosure Secondary = new(SuppressionRule.Secondary);

    /// <summary>Each DMA dimension of the instrument in force, in its order (then any other the snapshot holds), disclosure-controlled.</summary>
    private List<DisclosedDistribution> Dimensions(IReadOnlyDictionary<string, DisclosedDistribution> found)
    {
        var ids = maturity.Instrument.Dimensions.Select(d => d.Id).Concat(found.Keys.Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);
        return [.. ids.Select(id => found.TryGetValue(id, out var disclosed) ? disclosed : DistributionDisclosure.Apply(id, ScoreDistribution.Empty, rules))];
    }

    /// <summary>The priority sectors an analyst can choose as a filter.</summary>
    private HashSet<string> FilterableSectors => reference.PrioritySectors.All.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>The collaboration figures of the financial year (1 April to 31 March), read from the platform now, by the need's district.</summary>
    private async Task<PublishedCollaboration> CollaborationAsync(int year, CancellationToken cancellationToken)
    {
        var from = new DateOnly(year, 4, 1);
        var to = new DateOnly(year + 1, 3, 31);
        var totals = await CollaborationFigures.ForAsync(
            db, from, to, text => reference.Districts.TryResolve(text, out var d) ? d.Id : GroupDimensions.UnknownDistrict, cancellationToken);
        return PublishedCollaboration.Of(totals, from, to, rules);
    }

    /// <summary>The transitions as a two-way table of counts, protected like any other (cells, margins and total).</summary>
    private TransitionMatrix Matrix(IReadOnlyList<(string From, string To, int Enterprises)> moves, IReadOnlyList<string> tierOrder)
    {
        var tiers = tierOrder.Concat(moves.SelectMany(m => new[] { m.From, m.To }).Distinct().Where(t => !tierOrder.Contains(t)).Order(StringComparer.Ordinal)).ToList();
        GroupTotals Count(string key, int n) => GroupTotals.Empty(key) with { Enterprises = n };
        int N(Func<(string From, string To, int Enterprises), bool> which) => moves.Where(which).Sum(m => m.Enterprises);
        var table = new TwoWayTable(
            GroupDimension.Tier,
            GroupDimension.Tier,
            [.. tiers.Select(from => (IReadOnlyList<GroupTotals>)[.. tiers.Select(to => Count($"{from}|{to}", N(m => m.From == from && m.To == to)))])],
            [.. tiers.Select(from => Count(from, N(m => m.From == from)))],
            [.. tiers.Select(to => Count(to, N(m => m.To == to)))],
            Count(GroupTotals.AllGroup, N(_ => true)));
        var disclosed = DisclosureControl.Apply(table, rules);
        int? Shown(GroupTotals totals, CellDisclosure verdict) => verdict.Published ? totals.Enterprises : null;
        return new TransitionMatrix(
            tiers,
            [.. tiers.Select((_, r) => (IReadOnlyList<int?>)[.. tiers.Select((_, c) => Shown(table.Cells[r][c], disclosed.Cells[r][c]))])],
            [.. tiers.Select((_, r) => Shown(table.RowMargins[r], disclosed.RowMargins[r]))],
            [.. tiers.Select((_, c) => Shown(table.ColumnMargins[c], disclosed.ColumnMargins[c]))],
            Shown(table.Total, disclosed.Total),
            disclosed.Cells,
            disclosed.RowMargins,
            disclosed.ColumnMargins,
            disclosed.Total);
    }

    /// <summary>Assessments by stage, protected as a one-way table of counts; the days to a decision only where the stage is shown.</summary>
    private IReadOnlyList<PublishedStage> Pipeline(IReadOnlyList<PipelineStage> stages)
    {
        var counts = Stages.Select(s => GroupTotals.Empty(s) with { Enterprises = stages.FirstOrDefault(x => x.Stage == s)?.Assessments ?? 0 }).ToList();
        var total = GroupTotals.Empty(GroupTotals.AllGroup) with { Enterprises = counts.Sum(c => c.Enterprises) };
        var disclosed = DisclosureControl.Apply(new GroupTable(GroupDimension.State, counts, total), rules);
        return [.. Stages.Select((s, i) =>
        {
            var verdict = disclosed.Groups[i];
            var stage = stages.FirstOrDefault(x => x.Stage == s);
            var decidedEnough = stage is not null && stage.Decided >= rules.MinFrequency;
            return verdict.Published
                ? new PublishedStage(s, counts[i].Enterprises, decidedEnough ? stage!.MedianDays : null, decidedEnough ? stage!.P90Days : null, verdict)
                : new PublishedStage(s, null, null, null, verdict);
        })];
    }
}
