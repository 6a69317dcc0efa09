namespace HiTech.Web.Features.Enterprises.Registration;

/// <summary>/enterprise/register/location: the district and address.</summary>
public sealed class LocationModel(EnterpriseAccess access, RegistrationDraftStore drafts, EnterpriseRules rules)
    : RegistrationPage(access, drafts)
{
    [BindProperty]
    public string? District { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        if (!Draft.HasDetails)
        {
            return LocalRedirect("/enterprise/register");
        }

        (District, Address) = (Draft.District, Draft.Address);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var district = rules.District(errors, District);
        var address = rules.Address(errors, Address);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return Page();
        }

        return SaveAndGo(Draft with { District = district!.Id, Address = address }, "/enterprise/register/size");
    }
}
