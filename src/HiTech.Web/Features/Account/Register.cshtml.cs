using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace HiTech.Web.Features.Account;

/// <summary>Self-service account for an enterprise owner or manager; the organisation is registered next.</summary>
[AllowAnonymous]
[EnableRateLimiting(HostingExtensions.SignInRateLimit)]
public sealed class RegisterModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock, IStringLocalizer<SharedResource> t) : FormPage
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
        var (name, email) = (TextRules.Check(Name), TextRules.Check(Email));
        (Name, Email) = (name.Value, email.Value);
        if (!name.IsOk)
        {
            ModelState.AddModelError(nameof(Name), TextWords.Say(name.Problem, t));
        }
        else if (string.IsNullOrEmpty(Name))
        {
            ModelState.AddModelError(nameof(Name), t["Enter your name"]);
        }
        else if (Name.Length > 200)
        {
            ModelState.AddModelError(nameof(Name), t["Your name must be 200 characters or fewer"]);
        }

        if (!email.IsOk)
        {
            ModelState.AddModelError(nameof(Email), TextWords.Say(email.Problem, t));
        }
        else if (string.IsNullOrEmpty(Email) || !Email.Contains('@', StringComparison.Ordinal) || Email.Length > 254)
        {
            ModelState.AddModelError(nameof(Email), t["Enter an email address in the right format, like name@example.com"]);
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), t["Create a password"]);
        }
        else if (Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), t["The two passwords are not the same"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = Email,
            Email = Email,
            DisplayName = Name!,
            Language = Language.Current,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : nameof(Email);
                ModelState.AddModelError(field, Describe(error));
            }

            return Page();
        }

        await users.AddToRoleAsync(user, Roles.Enterprise);
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/enterprise/register");
    }

    /// <summary>Identity's errors in the user's language.</summary>
    private string Describe(IdentityError error) => error.Code switch
    {
        "DuplicateEmail" or "DuplicateUserName" => t["An account with this email address already exists. Sign in instead."],
        "PasswordTooShort" => t["The password must be at least 8 characters"],
        "PasswordRequiresDigit" => t["The password must contain a number"],
        "PasswordRequiresUpper" => t["The password must contain a capital letter"],
        "PasswordRequiresLower" => t["The password must contain a small letter"],
        "PasswordRequiresNonAlphanumeric" => t["The password must contain a symbol such as # or @"],
        "InvalidEmail" or "InvalidUserName" => t["Enter an email address in the right format, like name@example.com"],
        _ => error.Description,
    };
}
