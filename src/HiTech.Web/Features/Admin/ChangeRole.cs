using Microsoft.AspNetCore.Identity;

namespace HiTech.Web.Features.Admin;

/// <summary>Changes a staff account's role; not one's own, and not an enterprise account's (it belongs to its organisation). Audited.</summary>
public sealed class ChangeRole(AppDbContext db, UserManager<AppUser> users, AuditLog audit, IStringLocalizer<AdminText> a)
{
    public async Task<Outcome<Guid>> ExecuteAsync(Guid id, string? role, CurrentUser by)
    {
        if (role is null || !CreateStaffAccount.StaffRoles.Contains(role))
        {
            return Outcome.Invalid<Guid>("role", a["Choose a role from the list"]);
        }

        if (id == by.Id)
        {
            return Outcome.Conflict<Guid>(a["That change is not allowed: you cannot lock your own account or change your own role, and an enterprise account's role cannot be changed."]);
        }

        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return Outcome.NotFound<Guid>();
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Enterprise) || user.OrganisationId is not null)
        {
            return Outcome.Conflict<Guid>(a["That change is not allowed: you cannot lock your own account or change your own role, and an enterprise account's role cannot be changed."]);
        }

        if (current.Count == 1 && current[0] == role)
        {
            return Outcome.Ok(id);
        }

        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        audit.Record(by, "User", user.Id.ToString(), AuditAction.ChangeRole, new { email = user.Email, roles = current }, new { email = user.Email, roles = new[] { role } });
        await db.SaveChangesAsync();
        return Outcome.Ok(id);
    }
}
