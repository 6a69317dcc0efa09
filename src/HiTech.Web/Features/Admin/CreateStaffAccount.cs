using Microsoft.AspNetCore.Identity;

namespace HiTech.Web.Features.Admin;

/// <summary>A new staff account (assessor, analyst, admin, partnerships officer) or a provider's account with a temporary password, to be changed at first sign-in. Audited.</summary>
public sealed class CreateStaffAccount(AppDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock, IStringLocalizer<AdminText> a, IStringLocalizer<SharedResource> t)
{
    // A provider's account made here has no profile yet: its first visit to /provider/profile registers one.
    public static readonly string[] StaffRoles = [Roles.Assessor, Roles.Analyst, Roles.Admin, Roles.PartnershipsOfficer, Roles.Provider];

    /// <summary>Creates a staff account. Answers with the temporary password to hand over, or the errors by field (name, email, role).</summary>
    public async Task<Outcome<string>> ExecuteAsync(string? name, string? email, string? role, CurrentUser by)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        name = TextWords.Checked(errors, "name", name, t);
        email = TextWords.Checked(errors, "email", email, t);
        if (name is { Length: 0 })
        {
            errors["name"] = [a["Enter the person's name"].Value];
        }
        else if (name is { Length: > 200 })
        {
            errors["name"] = [a["The name must be 200 characters or fewer"].Value];
        }

        if (email is not null && (email.Length == 0 || !email.Contains('@', StringComparison.Ordinal) || email.Length > 254))
        {
            errors["email"] = [a["Enter an email address in the right format, like name@example.com"].Value];
        }
        else if (email is not null && await users.FindByEmailAsync(email) is not null)
        {
            errors["email"] = [a["An account with this email address already exists"].Value];
        }

        if (role is null || !StaffRoles.Contains(role))
        {
            errors["role"] = [a["Choose a role from the list"].Value];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<string>(errors);
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
            return Outcome.Invalid<string>("email", a[string.Join(" ", created.Errors.Select(e => e.Description))]);
        }

        await users.AddToRoleAsync(user, role!);
        audit.Record(by, "User", user.Id.ToString(), AuditAction.Create, null, new { email, name, role });
        await db.SaveChangesAsync();
        return Outcome.Ok(password);
    }

    /// <summary>A one-time password (<see cref="Infrastructure.Security.TemporaryPassword"/>).</summary>
    public static string TemporaryPassword() => Infrastructure.Security.TemporaryPassword.Generate();
}
