using HiTech.Core.Analytics;
using HiTech.Core.Reference;
using HiTech.Web.Features.Analytics.Charts;
using HiTech.Web.Infrastructure.Analytics;

namespace HiTech.Web.Features.Analytics;

/// <summary>
/// GET /analytics: the department's dashboard from the analytical store. The filters are a GET form, so every view
/// is a shareable address; every figure has passed disclosure control.
/// </summary>
[Authorize(Policy = Roles.Analyst)]
public sealed class IndexModel(GetDashboard dashboard, FrameworkStore frameworks, AnalyticsProgress progress, ReferenceData reference, DashboardLabels labels, IStringLocalizer<AnalyticsText> n) : FormPage
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "sector")]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true, Name = "size")]
    public string? Size { get; set; }

    [BindProperty(SupportsGet = true, Name = "indicator")]
    public string? Indicator { get; set; }

    public Dashboard? Figures { get; private set; }

    /// <summary>Why there are no figures to show yet (no snapshot, nothing approved), or null.</summary>
    public string? Unavailable { get; private set; }

    public AnalyticsProgress.State Progress => progress.Now;

    /// <summary>The tiers of the framework in force, with their titles, in the framework's order.</summary>
    public IReadOnlyDictionary<string, LocalText> TierTitles { get; private set; } = new Dictionary<string, LocalText>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var active = await frameworks.ActiveAsync(cancellationToken);
        TierTitles = active.Tiers.ToDictionary(t => t.Id, t => t.Definition.Title, StringComparer.Ordinal);
        var outcome = await dashboard.ExecuteAsync(new DashboardFilter(Year, Sector, Size, Indicator), [.. active.Tiers.Select(t => t.Id)], cancellationToken);
        if (outcome.IsOk)
        {
            Figures = outcome.Value;
        }
        else if (outcome.Kind == OutcomeKind.NotFound)
        {
            Unavailable = outcome.Message;
        }
        else
        {
            ModelState.AddErrors(outcome);
        }

        return Page();
    }

    public string TierTitle(string id) => TierTitles.TryGetValue(id, out var title) ? title.In(Language.Current) : id;

    /// <summary>The priority sectors for the filter, in the user's language.</summary>
    public IEnumerable<(string Id, string Label)> Sectors => reference.PrioritySectors.All.Select(s => (s.Id, Language.Current == Language.Malayalam ? s.NameMl : s.Name));

    public DashboardLabels Labels => labels;

    public string IndicatorName(string indicator) => labels.IndicatorName(indicator);

    /// <summary>A group's name in the user's language: a district, a priority sector, a size class or a pipeline stage.</summary>
    public string Label(GroupDimension by, string key) => labels.Label(by, key);

    public string SizeName(string size) => labels.SizeName(size);

    public string StageName(string stage) => stage switch
    {
        "submitted" => n["Submitted, waiting for an assessor"],
        "in_review" => n["In review"],
        "returned" => n["Returned to the enterprise"],
        _ => n["Approved"],
    };

    /// <summary>What a hidden cell says instead of its figure: that it is hidden, and by which rule.</summary>
    public string Hidden(CellDisclosure verdict) => labels.Hidden(verdict, Figures!.Rules);

    /// <summary>A row's figure for an indicator, or what it says when hidden.</summary>
    public string Cell(DisclosedRow row, string indicator) => labels.Cell(row, indicator, Figures!.Rules);

    /// <summary>The bars of a table for the chosen indicator: hidden groups drawn hatched.</summary>
    public IReadOnlyList<Bar> Bars(PublishedTable table, string indicator) =>
        [.. table.Rows.Select(r => new Bar(
            Label(table.By, r.Key),
            r.Values is { } v ? DashboardIndicators.ValueOf(indicator, v) ?? 0 : null,
            Cell(r, indicator)))];

    /// <summary>The 14 districts on the tile map, coloured by the chosen indicator.</summary>
    public IReadOnlyList<Tile> Tiles(PublishedTable table, string indicator) =>
        [.. reference.Districts.All.Select(d => table.Row(d.Id) is { } row
            ? new Tile(d.Id, DistrictNames.Of(d), row.Values is { } v ? DashboardIndicators.ValueOf(indicator, v) : null, Cell(row, indicator), row.Values is null)
            : new Tile(d.Id, DistrictNames.Of(d), null, n["none assessed"]))];
}
