using System.Globalization;
using HiTech.Core.Analytics;
using HiTech.Core.Collaboration;
using HiTech.Core.Reference;
using HiTech.Web.Features.Analytics.Charts;
using HiTech.Web.Features.Maturity;
using HiTech.Web.Infrastructure.Analytics;

namespace HiTech.Web.Features.Analytics;

/// <summary>
/// GET /analytics: the department's dashboard from the analytical store. The filters are a GET form, so every view
/// is a shareable address; every figure has passed disclosure control.
/// </summary>
[Authorize(Policy = Roles.Analyst)]
public sealed class IndexModel(
    GetDashboard dashboard,
    FrameworkStore frameworks,
    AnalyticsProgress progress,
    ReferenceData reference,
    MaturityReference maturity,
    PartnershipTerms partnershipTerms,
    DashboardLabels labels,
    IStringLocalizer<AnalyticsText> n) : FormPage
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

    /// <summary>What a hidden count of the collaboration figures says: the parties behind it are too few, or it would give another away.</summary>
    public string HiddenCount(CellDisclosure verdict) => verdict.Rule switch
    {
        SuppressionRule.MinFrequency => n["hidden: fewer than {0} firms or providers", Figures!.Rules.MinFrequency],
        SuppressionRule.Dominance => n["hidden: one or two partnerships make up most of it"],
        _ => n["hidden: it would give away another hidden figure"],
    };

    /// <summary>A published count as written, or why it is hidden.</summary>
    public string CountText(DisclosedCount count) => count.Count is { } c ? Fmt.Number((decimal)c) : HiddenCount(count.Verdict);

    /// <summary>A published count for the page's data-count attribute (tests read it): the number, or "suppressed".</summary>
    public string CountData(DisclosedCount count) => count.Count?.ToString(CultureInfo.InvariantCulture) ?? "suppressed";

    /// <summary>What a dimension's missing mean says: hidden (fewer than the minimum scored it), or a dash when nobody did.</summary>
    public string HiddenScore(DisclosedDistribution dimension) => dimension.Verdict.Rule == SuppressionRule.MinFrequency ? Hidden(dimension.Verdict) : "–";

    public string DimensionTitle(string id) =>
        maturity.Instrument.Dimensions.FirstOrDefault(d => d.Id == id) is { } dimension ? dimension.Title.In(Language.Current) : id;

    public string PartnershipModelName(string id) => CollaborationVocabulary.Name(partnershipTerms.Models, id);

    public string PartnershipStatusName(string status) => status switch
    {
        "active" => n["Active"],
        "completed" => n["Completed"],
        _ => n["Ended early"],
    };

    public string IntroductionStatusName(string status) => status switch
    {
        "accepted" => n["Accepted"],
        "declined" => n["Declined"],
        "expired" => n["Expired unanswered"],
        _ => n["Still waiting, or withdrawn"],
    };

    public string OutcomeName(string outcome) => outcome switch
    {
        "products" => n["Products launched"],
        "patents_or_designs" => n["Patents or designs filed"],
        "certifications" => n["Partnerships that brought a certification"],
        _ => n["Jobs created"],
    };

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
