namespace HiTech.Web.Features.Admin;

/// <summary>GET /admin/users: accounts with role and organisation; lock, unlock, change role.</summary>
[Authorize(Policy = Roles.Admin)]
public sealed class UsersModel(ListUsers list, LockAccount lockAccount, ChangeRole changeRole) : FormPage
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await list.ExecuteAsync(Q, cancellationToken);

    public async Task<IActionResult> OnPostLockAsync(Guid userId, CancellationToken cancellationToken) =>
        await AfterAsync(await lockAccount.ExecuteAsync(userId, locked: true, Current), "locked", cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(Guid userId, CancellationToken cancellationToken) =>
        await AfterAsync(await lockAccount.ExecuteAsync(userId, locked: false, Current), "unlocked", cancellationToken);

    public async Task<IActionResult> OnPostRoleAsync(Guid userId, CancellationToken cancellationToken) =>
        await AfterAsync(await changeRole.ExecuteAsync(userId, Role, Current), "role", cancellationToken);

    private async Task<IActionResult> AfterAsync(Outcome<Guid> outcome, string done, CancellationToken cancellationToken)
    {
        if (outcome.IsOk)
        {
            return Redirect($"/admin/users?done={done}");
        }

        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }

        // The change is made from a row of the list: its message goes above the list.
        ModelState.AddErrors(outcome, _ => "");
        Rows = await list.ExecuteAsync(Q, cancellationToken);
        return Page();
    }
}
