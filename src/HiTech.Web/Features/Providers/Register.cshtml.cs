using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace HiTech.Web.Features.Providers;

/// <summary>A provider registers itself: its account and a draft profile, then fills the profile in.</summary>
[AllowAnonymous]
[EnableRateLimiting(HostingExtensions.SignInRateLimit)]
public sealed class RegisterModel(RegisterProvider register, SignInManager<AppUser> signIn, CollaborationVocabulary vocabulary, FrameworkStore frameworks) : FormPage
{
    [BindProperty]
    public string? ProviderName { get; set; }

    /// <summary>Also from the query string, so a link can choose the kind (the home page's, for returning professionals).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty]
    public bool Consent { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public ProfileOptions Options { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Options = await ProfileOptions.LoadAsync(vocabulary, frameworks, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Options = await ProfileOptions.LoadAsync(vocabulary, frameworks, cancellationToken);
        var outcome = await register.ExecuteAsync(new ProviderRegistration(new AccountRequest(Name, Email, Password, ConfirmPassword), ProviderName, Kind, Consent), cancellationToken);
        if (!outcome.IsOk)
        {
            ModelState.AddErrors(outcome, field => char.ToUpperInvariant(field[0]) + field[1..]);
            return Page();
        }

        await signIn.SignInAsync(outcome.Value!, isPersistent: false);
        return LocalRedirect("/provider/profile");
    }
}
