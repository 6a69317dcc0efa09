namespace HiTech.Web.Features.Enterprises.Registration;

/// <summary>/enterprise/register/size: investment in plant and machinery and turnover, which give the MSME size class.</summary>
public sealed class SizeModel(EnterpriseAccess access, RegistrationDraftStore drafts, EnterpriseRules rules, Microsoft.Extensions.Localization.IStringLocalizer<EnterprisesText> l)
    : RegistrationPage(access, drafts)
{
    [BindProperty]
    public string? InvestmentInr { get; set; }

    [BindProperty]
    public string? TurnoverInr { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        if (FirstMissing(Draft) is { } missing && missing != "/enterprise/register/size")
        {
            return LocalRedirect(missing);
        }

        InvestmentInr = Draft.InvestmentInr is { } i ? EnterpriseRules.Plain(i) : null;
        TurnoverInr = Draft.TurnoverInr is { } t ? EnterpriseRules.Plain(t) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var investment = ReadAmount(errors, InvestmentInr, "investmentInr", l["Enter the investment as a number of rupees, like 2500000"], rules.Investment);
        var turnover = ReadAmount(errors, TurnoverInr, "turnoverInr", l["Enter the turnover as a number of rupees, like 12000000"], rules.Turnover);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return Page();
        }

        return SaveAndGo(Draft with { InvestmentInr = investment, TurnoverInr = turnover }, CheckPage);
    }

    /// <summary>An amount typed in a form: not a number, or a number the rules refuse, gets a message.</summary>
    internal static decimal? ReadAmount(
        Dictionary<string, string> errors, string? typed, string field, string notANumber, Func<IDictionary<string, string>, decimal?, string, decimal?> check)
    {
        var amount = EnterpriseRules.ParseAmount(typed);
        if (amount is null && !string.IsNullOrWhiteSpace(typed))
        {
            EnterpriseRules.Add(errors, field, notANumber);
            return null;
        }

        return check(errors, amount, field);
    }
}
