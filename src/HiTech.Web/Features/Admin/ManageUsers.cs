using System.Security.Cryptography;
using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Features.Admin;

/// <summary>One account as the admin list shows it.</summary>
public sealed record UserRow(Guid Id, string Name, string Email, string Role, string? Organisation, bool Locked, DateTimeOffset CreatedAt)
{
    /// <summary>Staff roles can be changed here; an enterprise account belongs to its organisation.</summary>
    public bool IsStaff => Role != Roles.Enterprise;
}

/// <summary>
/// Accounts, for admins: the list, new staff accounts (assessor, analyst, admin) with a temporary password,
/// lock and unlock, change of role. Every change is audited. Admins cannot lock themselves out or drop their own role.
/// </summary>
public sealed class ManageUsers(AppDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock)
{
    public static readonly string[] StaffRoles = [Roles.Assessor, Roles.Analyst, Roles.Admin];

    public enum Outcome
    {
        Done,
        NotFound,
        NotAllowed,
        Invalid,
    }

    public async Task<IReadOnlyList<UserRow>> ListAsync(string? search, CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            // NormalizedEmail is upper case (Identity's normaliser), so the e-mail search ignores case on every provider.
            var term = search.Trim();
            var upper = term.ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.Contains(term));
        }

        var rows = await (
                from u in query
                join ur in db.UserRoles on u.Id equals ur.UserId into userRoles
                from ur in userRoles.DefaultIfEmpty()
                join r in db.Roles on ur.RoleId equals r.Id into roles
                from r in roles.DefaultIfEmpty()
                join o in db.Organisations on u.OrganisationId equals o.Id into organisations
                from o in organisations.DefaultIfEmpty()
                select new { u.Id, u.DisplayName, u.Email, Role = r == null ? null : r.Name, Organisation = o == null ? null : o.Name, u.LockoutEnd, u.CreatedAt })
            .Take(1000)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. rows
            .GroupBy(r => r.Id)
            .Select(g => g.First() with { Role = string.Join(", ", g.Select(x => x.Role).OfType<string>().Order(StringComparer.Ordinal)) })
            .Select(r => new UserRow(r.Id, r.DisplayName, r.Email ?? "", r.Role ?? "", r.Organisation, r.LockoutEnd is { } end && end > now, r.CreatedAt))
            .OrderBy(r => RoleOrder(r.Role))
            .ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Creates a staff account. Returns the temporary password to hand over, or the errors by field (name, email, role).</summary>
    public async Task<(string? Password, Dictionary<string, string> Errors)> CreateAsync(string? name, string? email, string? role, CurrentUser by)
    {
        var errors = new Dictionary<string, string>();
        name = name?.Trim();
        email = email?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors["name"] = "Enter the person's name";
        }
        else if (name.Length > 200)
        {
            errors["name"] = "The name must be 200 characters or fewer";
        }

        if (string.IsNullOrEmpty(email) || !email.Contains('@', StringComparison.Ordinal) || email.Length > 254)
        {
            errors["email"] = "Enter an email address in the right format, like name@example.com";
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            errors["email"] = "An account with this email address already exists";
        }

        if (role is null || !StaffRoles.Contains(role))
        {
            errors["role"] = "Choose assessor, analyst or admin";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var password = TemporaryPassword();
        var user = new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name!,
            CreatedAt = clock.GetUtcNow(),
            MustChangePassword = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            errors["email"] = string.Join(" ", created.Errors.Select(e => e.Description));
            return (null, errors);
        }

        await users.AddToRoleAsync(user, role!);
        audit.Record(by, "User", user.Id.ToString(), AuditAction.Create, null, new { email, name, role });
        await db.SaveChangesAsync();
        return (password, errors);
    }

    public async Task<Outcome> SetLockedAsync(Guid id, bool locked, CurrentUser by)
    {
        if (id == by.Id)
        {
            return Outcome.NotAllowed;
        }

        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return Outcome.NotFound;
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
        return Outcome.Done;
    }

    public async Task<Outcome> ChangeRoleAsync(Guid id, string? role, CurrentUser by)
    {
        if (role is null || !StaffRoles.Contains(role))
        {
            return Outcome.Invalid;
        }

        if (id == by.Id)
        {
            return Outcome.NotAllowed;
        }

        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return Outcome.NotFound;
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Enterprise) || user.OrganisationId is not null)
        {
            return Outcome.NotAllowed;
        }

        if (current.Count == 1 && current[0] == role)
        {
            return Outcome.Done;
        }

        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        audit.Record(by, "User", user.Id.ToString(), AuditAction.ChangeRole, new { email = user.Email, roles = current }, new { email = user.Email, roles = new[] { role } });
        await db.SaveChangesAsync();
        return Outcome.Done;
    }

    private static int RoleOrder(string role)
    {
        var index = Array.IndexOf(Roles.All, role);
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>16 random characters with a capital, a small letter, a digit and a symbol, as the password rules require.</summary>
    public static string TemporaryPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        const string symbols = "#@%+=!?";
        var all = upper + lower + digits + symbols;
        var chars = new List<char>
        {
            upper[RandomNumberGenerator.GetInt32(upper.Length)],
            lower[RandomNumberGenerator.GetInt32(lower.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)],
            symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        chars.AddRange(RandomNumberGenerator.GetItems<char>(all, 12));
        var array = chars.ToArray();
        RandomNumberGenerator.Shuffle(array.AsSpan());
        return new string(array);
    }
}
