using Microsoft.AspNetCore.Identity;

namespace HiTech.Web.Kernel;

/// <summary>What someone types to open an account of their own.</summary>
public sealed record AccountRequest(string? Name, string? Email, string? Password, string? ConfirmPassword);

/// <summary>
/// Self-service accounts (an enterprise's owner, a provider): the one check of name, e-mail and password, with
/// Identity's refusals worded in the user's language under the fields name, email, password and confirmPassword.
/// The account is created in the given role; <c>prepare</c> fills in what the caller adds (a provider profile), saved
/// with it.
/// </summary>
public sealed class NewAccount(UserManager<AppUser> users, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public async Task<Outcome<AppUser>> ExecuteAsync(AccountRequest request, string role, Action<AppUser>? prepare = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = TextWords.Checked(errors, "name", request.Name, t);
        var email = TextWords.Checked(errors, "email", request.Email, t);
        if (name is { Length: 0 })
        {
            errors["name"] = [t["Enter your name"]];
        }
        else if (name is { Length: > 200 })
        {
            errors["name"] = [t["Your name must be 200 characters or fewer"]];
        }

        if (email is not null && (email.Length == 0 || !email.Contains('@', StringComparison.Ordinal) || email.Length > 254))
        {
            errors["email"] = [t["Enter an email address in the right format, like name@example.com"]];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = [t["Create a password"]];
        }
        else if (request.Password != request.ConfirmPassword)
        {
            errors["confirmPassword"] = [t["The two passwords are not the same"]];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<AppUser>(errors);
        }

        var user = new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            DisplayName = name!,
            Language = Language.Current,
            CreatedAt = clock.GetUtcNow(),
        };
        prepare?.Invoke(user);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return Outcome.Invalid<AppUser>(created.Errors
                .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email")
                .ToDictionary(g => g.Key, g => g.Select(Describe).ToArray(), StringComparer.Ordinal));
        }

        await users.AddToRoleAsync(user, role);
        return Outcome.Ok(user);
    }

    /// <summary>Identity's errors in the user's language.</summary>
    private string Describe(IdentityError error) => error.Code switch
    {
        "DuplicateEmail" or "DuplicateUserName" => t["An account with this email address already exists. Sign in instead."],
        "PasswordTooShort" => t["The password must be at least 8 characters"],
        "PasswordRequiresDigit" => t["The password must contain a number"],
        "PasswordRequiresUpper" => t["The password must contain a capital letter"],
        "PasswordRequiresLower" => t["The password must contain a small letter"],
        "PasswordRequiresNonAlphanumeric" => t["The password must contain a symbol such as # or @"],
        "InvalidEmail" or "InvalidUserName" => t["Enter an email address in the right format, like name@example.com"],
        _ => error.Description,
    };
}
