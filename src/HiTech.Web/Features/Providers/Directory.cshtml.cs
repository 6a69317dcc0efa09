namespace HiTech.Web.Features.Providers;

/// <summary>GET /directory: the public directory of verified institutional providers, searched and filtered in the query string.</summary>
[AllowAnonymous]
public sealed class DirectoryModel(SearchDirectory search, CollaborationVocabulary vocabulary, FrameworkStore frameworks) : FormPage
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "district")]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true, Name = "nic")]
    public string? Nic { get; set; }

    [BindProperty(SupportsGet = true, Name = "certification")]
    public string? Certification { get; set; }

    [BindProperty(SupportsGet = true, Name = "technology")]
    public string? Technology { get; set; }

    public DirectoryPage? Found { get; private set; }

    public ProfileOptions Options { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Options = await ProfileOptions.LoadAsync(vocabulary, frameworks, cancellationToken);

        // "page" is Razor Pages' own route value, so model binding never sees the query's: read it here.
        int? page = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;
        var outcome = await search.ExecuteAsync(new DirectoryQuery(Q, Kind, District, Nic, Certification, Technology, page), cancellationToken);
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

    public string PageLink(int page) => "/directory" + Found!.Query.QueryString(page);
}
