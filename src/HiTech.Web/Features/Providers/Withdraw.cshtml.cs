using Microsoft.AspNetCore.Identity;

namespace HiTech.Web.Features.Providers;

/// <summary>"Withdraw and delete my profile": says what is erased and what is kept, then erases and signs out.</summary>
[Authorize(Policy = Roles.Provider)]
public sealed class WithdrawModel(WithdrawProfile withdraw, SignInManager<AppUser> signIn) : FormPage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await withdraw.ExecuteAsync(Current, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        await signIn.SignOutAsync();
        return RedirectToPage("Withdrawn");
    }
}
