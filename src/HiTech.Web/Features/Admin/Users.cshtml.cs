using HiTech.Web.Features.Shared;
using HiTech.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace HiTech.Web.Features.Admin;

/// <summary>GET /admin/users: accounts with role and organisation; lock, unlock, change role.</summary>
[Authorize(Policy = Roles.Admin)]
public sealed class UsersModel(ManageUsers manage, IStringLocalizer<AdminText> a) : FormPage
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await manage.ListAsync(Q, cancellationToken);

    public async Task<IActionResult> OnPostLockAsync(Guid userId, CancellationToken cancellationToken) =>
        await AfterAsync(await manage.SetLockedAsync(userId, locked: true, Current), "locked", cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(Guid userId, CancellationToken cancellationToken) =>
        await AfterAsync(await manage.SetLockedAsync(userId, locked: false, Current), "unlocked", cancellationToken);

    public async Task<IActionResult> OnPostRoleAsync(Guid userId, CancellationToken cancellationToken) =>
        await AfterAsync(await manage.ChangeRoleAsync(userId, Role, Current), "role", cancellationToken);

    private async Task<IActionResult> AfterAsync(ManageUsers.Outcome outcome, string done, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case ManageUsers.Outcome.Done:
                return Redirect($"/admin/users?done={done}");
            case ManageUsers.Outcome.NotFound:
                return NotFound();
            case ManageUsers.Outcome.NotAllowed:
                ModelState.AddModelError("", a["That change is not allowed: you cannot lock your own account or change your own role, and an enterprise account's role cannot be changed."]);
                break;
            default:
                ModelState.AddModelError("", a["Choose assessor, analyst or admin"]);
                break;
        }

        Rows = await manage.ListAsync(Q, cancellationToken);
        return Page();
    }
}
