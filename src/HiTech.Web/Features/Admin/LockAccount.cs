using Microsoft.AspNetCore.Identity;

namespace HiTech.Web.Features.Admin;

/// <summary>Locks an account (signing the person out everywhere) or unlocks it. Admins cannot lock themselves out. Audited.</summary>
public sealed class LockAccount(AppDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock, IStringLocalizer<AdminText> a)
{
    public async Task<Outcome<Guid>> ExecuteAsync(Guid id, bool locked, CurrentUser by)
    {
        if (id == by.Id)
        {
            return Outcome.Conflict<Guid>(a["That change is not allowed: you cannot lock your own account or change your own role, and an enterprise account's role cannot be changed."]);
        }

        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return Outcome.NotFound<Guid>();
        }

        var wasLocked = user.LockoutEnd is { } end && end > clock.GetUtcNow();
        if (locked)
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);

            // Signs the person out everywhere: cookies and tokens carry the old security stamp.
            await users.UpdateSecurityStampAsync(user);
        }
        else
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        audit.Record(by, "User", user.Id.ToString(), locked ? AuditAction.Lock : AuditAction.Unlock, new { email = user.Email, locked = wasLocked }, new { email = user.Email, locked });
        await db.SaveChangesAsync();
        return Outcome.Ok(id);
    }
}
