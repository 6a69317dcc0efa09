using HiTech.Web.Features.Enterprises;

namespace HiTech.Web.Features.Reviews;

/// <summary>GET /reviews: the assessor's queue, with search, filters, order and paging in the query string (no script needed).</summary>
[Authorize(Policy = Roles.Assessor)]
public sealed class IndexModel(GetReviewQueue queue, EnterpriseLabels labels) : FormPage
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "show")]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true, Name = "district")]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    public QueuePage? Found { get; private set; }

    /// <summary>The districts for the filter, in the user's language.</summary>
    public IReadOnlyList<(string Id, string Label)> Districts => labels.Districts();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // "page" is Razor Pages' own route value, so model binding never sees the query's: read it here.
        int? page = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;
        var outcome = await queue.ExecuteAsync(Current, new QueueQuery(Search, Show, District, Sort, page), cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        if (outcome.IsOk)
        {
            Found = outcome.Value;
        }
        else
        {
            ModelState.AddErrors(outcome);
        }

        return Page();
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageLink(int page) => "/reviews" + Found!.Query.QueryString(page);

    /// <summary>The page numbers the pagination shows: the first, the last, and the current one with its neighbours (0 for a gap).</summary>
    public static IReadOnlyList<int> PageNumbers(int current, int pages)
    {
        var shown = new SortedSet<int> { 1, pages };
        for (var n = Math.Max(1, current - 1); n <= Math.Min(pages, current + 1); n++)
        {
            shown.Add(n);
        }

        var numbers = new List<int>();
        foreach (var n in shown)
        {
            if (numbers.Count > 0 && n > numbers[^1] + 1)
            {
                numbers.Add(0);
            }

            numbers.Add(n);
        }

        return numbers;
    }
}
