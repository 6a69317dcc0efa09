using HiTech.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace HiTech.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(HostingExtensions.SignInRateLimit)]
public sealed class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, CheckSignIn checkSignIn, SignInThrottle throttle, IStringLocalizer<SharedResource> t) : FormPage
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

        var check = await checkSignIn.ExecuteAsync(HttpContext, Email!, Password!);
        if (!check.Succeeded)
        {
            ModelState.AddModelError(nameof(Email), check.Refusal switch
            {
                SignInRefusal.TooManyAttempts => t["Too many sign-in attempts for this email address. Try again in {0} minutes.", check.MinutesToWait],
                SignInRefusal.LockedByAdmin => t["This account has been locked by an administrator. Ask the department to unlock it."],
                _ => t["The email address or password is not right"],
            });
            return Page();
        }

        var user = check.User!;
        await signIn.SignInAsync(user, isPersistent: false);
        throttle.RememberDevice(HttpContext, user.Id);
        Language.Remember(Response, user.Language);
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl);
        }

        var roles = await users.GetRolesAsync(user);
        return LocalRedirect(StartPage(roles));
    }

    /// <summary>Where each role begins its work after signing in.</summary>
    private static string StartPage(IList<string> roles) =>
        roles.Contains(Roles.Enterprise) ? "/enterprise"
        : roles.Contains(Roles.Assessor) ? "/reviews"
        : roles.Contains(Roles.Admin) ? "/admin"
        : roles.Contains(Roles.Provider) ? "/provider/profile"
        : roles.Contains(Roles.PartnershipsOfficer) ? "/provider-verification"
        : "/analytics";
}
