using Microsoft.AspNetCore.Identity;
using LanguageChoice = HiTech.Web.Infrastructure.Localization.Language;

namespace HiTech.Web.Features.Account;

/// <summary>Switches the language: a cookie for everyone, and saved on the account when signed in so it follows the user.</summary>
[AllowAnonymous]
public sealed class LanguageModel(UserManager<AppUser> users) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl)
    {
        var chosen = LanguageChoice.Normalise(language);
        LanguageChoice.Remember(Response, chosen);
        if (CurrentUser.From(User).Id is { } id && await users.FindByIdAsync(id.ToString()) is { } user && user.Language != chosen)
        {
            user.Language = chosen;
            await users.UpdateAsync(user);
        }

        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
