using HiTech.Core.Scoring;

namespace HiTech.Web.Features.Enterprises.Registration;

/// <summary>/enterprise/register/size: investment in plant and machinery and turnover, which give the MSME size class.</summary>
public sealed class SizeModel(EnterpriseAccess access, RegistrationDraftStore drafts, EnterpriseRules rules)
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

        InvestmentInr = Draft.InvestmentInr is { } i ? MoneyText.FormatDigits(i) : null;
        TurnoverInr = Draft.TurnoverInr is { } t ? MoneyText.FormatDigits(t) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var investment = ReadAmount(errors, InvestmentInr, "investmentInr", rules.Investment);
        var turnover = ReadAmount(errors, TurnoverInr, "turnoverInr", rules.Turnover);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return Page();
        }

        return SaveAndGo(Draft with { InvestmentInr = investment, TurnoverInr = turnover }, CheckPage);
    }

    /// <summary>An amount typed in a form: one that is not a clear amount, or that the rules refuse, gets a message.</summary>
    private decimal? ReadAmount(Dictionary<string, string> errors, string? typed, string field, Func<IDictionary<string, string>, decimal?, string, decimal?> check)
    {
        var amount = rules.TypedAmount(errors, typed, field);
        return errors.ContainsKey(field) ? null : check(errors, amount, field);
    }
}
