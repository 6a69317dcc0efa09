namespace HiTech.Web.Features.Enterprises;

/// <summary>/enterprise/details: change the organisation's details; the form carries the version it was read at.</summary>
public sealed class DetailsModel(ReadOrganisation read, UpdateOrganisation update, EnterpriseLabels labels, Microsoft.Extensions.Localization.IStringLocalizer<EnterprisesText> l)
    : EnterprisePage
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? UdyamNumber { get; set; }

    [BindProperty]
    public string? Gstin { get; set; }

    [BindProperty]
    public string? District { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public int Version { get; set; }

    /// <summary>What is saved now, shown when someone else saved first.</summary>
    public OrganisationView? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var organisation = await read.OwnAsync(Current, cancellationToken);
        if (organisation is null)
        {
            return LocalRedirect("/enterprise/register");
        }

        (Name, UdyamNumber, Gstin, District, Address, Version) =
            (organisation.Name, organisation.UdyamNumber, organisation.Gstin, labels.DistrictId(organisation.District), organisation.Address, organisation.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var organisation = await read.OwnAsync(Current, cancellationToken);
        if (organisation is null)
        {
            return LocalRedirect("/enterprise/register");
        }

        var outcome = await update.ExecuteAsync(Current, organisation.Id, new OrganisationRequest(Name, UdyamNumber, Gstin, District, Address, Version), cancellationToken);
        if (outcome.IsOk)
        {
            SetFlash(l["Your enterprise's details are saved."]);
            return LocalRedirect("/enterprise");
        }

        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }

        Saved = ShowRefusal(outcome);
        if (Saved is { } current)
        {
            // Keep what the user typed; show what is saved now; the next save is against the current version.
            ModelState.Remove(nameof(Version));
            Version = current.Version;
        }

        return Page();
    }
}
