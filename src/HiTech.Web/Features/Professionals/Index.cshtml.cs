using HiTech.Web.Features.Providers;

namespace HiTech.Web.Features.Professionals;

/// <summary>
/// GET /professionals: returning professionals, searched and filtered in the query string, for enterprise users (those
/// without an approved assessment are told how to get there) and partnerships officers and admins. Never public.
/// </summary>
[Authorize(Roles = Roles.Enterprise + "," + Roles.PartnershipsOfficer + "," + Roles.Admin)]
public sealed class IndexModel(SearchProfessionals search, CollaborationVocabulary vocabulary, FrameworkStore frameworks) : FormPage
{
    [BindProperty(SupportsGet = true, Name = "skill")]
    public string? Skill { get; set; }

    [BindProperty(SupportsGet = true, Name = "sector")]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true, Name = "nic")]
    public string? Nic { get; set; }

    [BindProperty(SupportsGet = true, Name = "availability")]
    public string? Availability { get; set; }

    [BindProperty(SupportsGet = true, Name = "district")]
    public string? District { get; set; }

    public ProfessionalsPage? Found { get; private set; }

    /// <summary>Why an enterprise sees no professionals yet (no approved assessment), or null.</summary>
    public string? NotYet { get; private set; }

    public ProfileOptions Options { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Options = await ProfileOptions.LoadAsync(vocabulary, frameworks, cancellationToken);

        // "page" is Razor Pages' own route value, so model binding never sees the query's: read it here.
        int? page = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;
        var outcome = await search.ExecuteAsync(Current, new ProfessionalsQuery(Skill, Sector, Nic, Availability, District, page), cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Found = outcome.Value;
                break;
            case OutcomeKind.Forbidden:
                NotYet = outcome.Message;
                break;
            default:
                ModelState.AddErrors(outcome);
                break;
        }

        return Page();
    }

    public string PageLink(int page) => "/professionals" + Found!.Query.QueryString(page);
}
