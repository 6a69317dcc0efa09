using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace HiTech.Web.Features.Account;

/// <summary>Self-service account for an enterprise owner or manager; the organisation is registered next.</summary>
[AllowAnonymous]
[EnableRateLimiting(HostingExtensions.SignInRateLimit)]
public sealed class RegisterModel(NewAccount accounts, SignInManager<AppUser> signIn) : FormPage
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await accounts.ExecuteAsync(new AccountRequest(Name, Email, Password, ConfirmPassword), Roles.Enterprise);
        if (!outcome.IsOk)
        {
            ModelState.AddErrors(outcome, field => char.ToUpperInvariant(field[0]) + field[1..]);
            return Page();
        }

        await signIn.SignInAsync(outcome.Value!, isPersistent: false);
        return LocalRedirect("/enterprise/register");
    }
}
