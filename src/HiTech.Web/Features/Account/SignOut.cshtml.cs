using HiTech.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace HiTech.Web.Features.Account;

[AllowAnonymous]
public sealed class SignOutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Signing out ends every session of the account, so a copied cookie or token stops working too.
        await SessionCheck.EndAllAsync(users, User);
        await signIn.SignOutAsync();
        return RedirectToPage();
    }
}
