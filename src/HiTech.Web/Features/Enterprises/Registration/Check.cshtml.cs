using Microsoft.AspNetCore.Identity;

namespace HiTech.Web.Features.Enterprises.Registration;

/// <summary>
/// /enterprise/register/check: check your answers (with "Change" links) and the MSME size class they give;
/// confirming registers the organisation, makes the user its owner and refreshes the sign-in.
/// </summary>
public sealed class CheckModel(
    EnterpriseAccess access,
    RegistrationDraftStore drafts,
    RegisterOrganisation register,
    EnterpriseRules rules,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    TimeProvider clock)
    : RegistrationPage(access, drafts)
{
    public RegistrationDraft Answers { get; private set; } = new();

    public SizeClassDisplay? Size { get; private set; }

    /// <summary>Problems found on checking everything again, each with the page that fixes it.</summary>
    public IReadOnlyList<(string Message, string Link)> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        if (FirstMissing(Draft) is { } missing)
        {
            return LocalRedirect(missing);
        }

        var (_, errors, _) = await register.CheckAsync(Draft.ToRequest(), cancellationToken);
        Show(errors);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        if (FirstMissing(Draft) is { } missing)
        {
            return LocalRedirect(missing);
        }

        var outcome = await register.ExecuteAsync(Current, Draft.ToRequest(), cancellationToken);
        if (outcome.IsOk)
        {
            ClearDraft();
            if (await users.GetUserAsync(User) is { } user)
            {
                // The organisation claim is added at sign-in: sign in again so it is there from the next request.
                await signIn.RefreshSignInAsync(user);
            }

            return LocalRedirect("/enterprise/register/done");
        }

        if (outcome is { Kind: OutcomeKind.Conflict, Errors.Count: 0 })
        {
            // Registered already: their enterprise's page says so.
            SetFlash(outcome.Message!);
            return LocalRedirect("/enterprise");
        }

        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }

        Show(outcome.Errors.ToDictionary(e => e.Key, e => e.Value[0], StringComparer.Ordinal));
        return Page();
    }

    private void Show(IReadOnlyDictionary<string, string> errors)
    {
        Answers = Draft;
        if (Draft.InvestmentInr is { } investment && Draft.TurnoverInr is { } turnover && investment >= 0 && turnover >= 0)
        {
            var asOf = Saving.TodayInIndia(clock);
            var (sizeClass, limits) = SaveUnit.Classify(rules.Reference.Msme, investment, turnover, asOf);
            Size = new SizeClassDisplay(sizeClass, asOf, ReadOrganisation.Limits(limits));
        }

        Problems = [.. errors.Select(e => (e.Value, StepOf(e.Key) + "?change=true#" + PropertyName(e.Key)))];
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(PropertyName(field), message);
        }
    }

    private static string StepOf(string field) => field switch
    {
        "district" or "address" => "/enterprise/register/location",
        "investmentInr" or "turnoverInr" => "/enterprise/register/size",
        _ => "/enterprise/register",
    };
}
