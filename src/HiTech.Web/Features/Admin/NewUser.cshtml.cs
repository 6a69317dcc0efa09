using Microsoft.AspNetCore.Mvc.Rendering;

namespace HiTech.Web.Features.Admin;

/// <summary>GET/POST /admin/users/new: a staff account with a temporary password, shown once to hand over.</summary>
[Authorize(Policy = Roles.Admin)]
public sealed class NewUserModel(CreateStaffAccount create, IStringLocalizer<AdminText> a) : FormPage
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    /// <summary>Set after the account is made: shown on this response only, never stored in clear or sent again.</summary>
    public string? TemporaryPassword { get; private set; }

    public IEnumerable<SelectListItem> RoleItems =>
        new[] { new SelectListItem(a["Choose a role"], "") }.Concat(CreateStaffAccount.StaffRoles.Select(r => new SelectListItem(AdminText.RoleName(a, r), r)));

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await create.ExecuteAsync(Name, Email, Role, Current);
        if (!outcome.IsOk)
        {
            ModelState.AddErrors(outcome, field => field switch { "name" => nameof(Name), "role" => nameof(Role), _ => nameof(Email) });
            return Page();
        }

        TemporaryPassword = outcome.Value;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
