namespace HiTech.Web.Features.Enterprises.Registration;

/// <summary>/enterprise/register: the enterprise's name, Udyam registration number and GSTIN.</summary>
public sealed class DetailsModel(EnterpriseAccess access, RegistrationDraftStore drafts, EnterpriseRules rules, RegisterOrganisation register)
    : RegistrationPage(access, drafts)
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? UdyamNumber { get; set; }

    [BindProperty]
    public string? Gstin { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        (Name, UdyamNumber, Gstin) = (Draft.Name, Draft.UdyamNumber, Draft.Gstin);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = rules.Name(errors, Name);
        var udyam = rules.Udyam(errors, UdyamNumber);
        var gstin = rules.GstinOrNone(errors, Gstin);
        if (udyam is not null && await register.UdyamTakenAsync(udyam, null, cancellationToken))
        {
            EnterpriseRules.Add(errors, "udyamNumber", register.UdyamTakenMessage());
        }

        if (errors.Count > 0)
        {
            AddErrors(errors);
            return Page();
        }

        return SaveAndGo(Draft with { Name = name, UdyamNumber = udyam, Gstin = gstin }, "/enterprise/register/location");
    }
}
