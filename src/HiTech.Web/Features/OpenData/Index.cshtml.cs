using HiTech.Web.Features.Analytics;

namespace HiTech.Web.Features.OpenData;

/// <summary>
/// GET /open-data, for anyone: the headline indicators by district and by priority sector for a financial year,
/// the framework version, the "data as of" time, the disclosure rules in plain words, and a download of every
/// published table (CSV, Excel, JSON) with its data dictionary. The cells are the dashboard's, after disclosure control.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(GetOpenData openData, DashboardLabels labels, IStringLocalizer<OpenDataText> l) : FormPage
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public string? Year { get; set; }

    public OpenDataset? Data { get; private set; }

    /// <summary>Why there is nothing to show yet (no snapshot, nothing approved), or null.</summary>
    public string? Unavailable { get; private set; }

    public DashboardLabels Labels => labels;

    /// <summary>The indicators the page's tables show, after the count of enterprises they are computed over.</summary>
    public static IReadOnlyList<string> Columns { get; } = GroupTableView.DashboardColumns;

    /// <summary>The four headline indicators.</summary>
    public static IReadOnlyList<string> Headline { get; } =
        [DashboardIndicators.HiTech, DashboardIndicators.Sdg9b1, DashboardIndicators.RdIntensity, DashboardIndicators.DigitalMaturity];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await openData.ExecuteAsync(Year, cancellationToken);
        if (outcome.IsOk)
        {
            Data = outcome.Value;
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

    /// <summary>A published table's name in the reader's language.</summary>
    public string TableTitle(string id) => id switch
    {
        PublishedTables.Headline => l["Headline indicators, this year and the year before"],
        PublishedTables.ByDistrict => l["Indicators by district"],
        PublishedTables.BySector => l["Indicators by priority sector"],
        PublishedTables.BySize => l["Indicators by size class"],
        PublishedTables.TierTransitions => l["Tier transitions from the year before"],
        PublishedTables.Pipeline => l["Assessments by review stage"],
        _ => l["Data dictionary: what every column means, its unit and where it is defined"],
    };

    /// <summary>A format's name as the download links say it.</summary>
    public string FormatName(string format) => format switch
    {
        OpenDataFiles.Csv => "CSV",
        OpenDataFiles.Xlsx => "Excel",
        _ => "JSON",
    };
}
