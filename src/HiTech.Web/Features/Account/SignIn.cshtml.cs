using HiTech.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace HiTech.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(HostingExtensions.SignInRateLimit)]
public sealed class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<SharedResource> t) : FormPage
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), t["Enter your email address"]);
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), t["Enter your password"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Email!.Trim());
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(Email), SessionCheck.LockedByAdmin(user!)
                ? t["This account has been locked by an administrator. Ask the department to unlock it."]
                : t["This account is locked after too many attempts. Try again in 15 minutes."]);
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Email), t["The email address or password is not right"]);
            return Page();
        }

        Language.Remember(Response, user!.Language);
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl);
        }

        var roles = await users.GetRolesAsync(user);
        return LocalRedirect(roles.Contains(Roles.Enterprise) ? "/enterprise" : roles.Contains(Roles.Assessor) ? "/reviews" : roles.Contains(Roles.Admin) ? "/admin" : "/analytics");
    }
}
