using System.Security.Claims;
using HiTech.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace HiTech.Web.Infrastructure.Startup;

/// <summary>
/// A fresh install (demo mode off) with no administrator gets one at start-up or at `migrate`: the e-mail from
/// FirstAdministrator:Email (default admin@localhost) and a random one-time password printed once on the console in a
/// line starting with <see cref="LinePrefix"/> (never in the structured log, which may be shipped elsewhere). The
/// browser makes its first sign-in choose a new password (<see cref="TemporaryPasswordFilter"/>); the sign-in API
/// accepts the one-time password as it is, so that a script can check a new install before anyone opens a browser.
/// </summary>
public sealed class FirstAdministrator(
    UserManager<AppUser> users,
    AuditLog audit,
    AppDbContext db,
    TimeProvider clock,
    IConfiguration configuration,
    FirstAdministrator.Console console,
    ILogger<FirstAdministrator> logger)
{
    public const string EmailSetting = "FirstAdministrator:Email";

    public const string DefaultEmail = "admin@localhost";

    /// <summary>How the printed line begins: `first-administrator: email=... one-time-password=...`.</summary>
    public const string LinePrefix = "first-administrator:";

    /// <summary>The user claim that marks the first administrator, whose one-time password the API accepts.</summary>
    public const string ClaimType = "hitech:first-administrator";

    /// <summary>Where the one-time password is printed: the process's standard output (a test gives its own).</summary>
    public sealed record Console(TextWriter Writer);

    /// <summary>Creates the first administrator when no account has the Admin role; answers whether it did.</summary>
    public async Task<bool> EnsureAsync(CancellationToken cancellationToken)
    {
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return false;
        }

        var email = (configuration[EmailSetting] is { Length: > 0 } configured ? configured : DefaultEmail).Trim();
        var password = TemporaryPassword.Generate();
        var user = new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Administrator",
            CreatedAt = clock.GetUtcNow(),
            MustChangePassword = true,
        };
        // One transaction: a crash half-way leaves no account without its role, to block the next attempt.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            IdentityResult created;
            try
            {
                created = await users.CreateAsync(user, password);
            }
            catch (DbUpdateException e)
            {
                // Another node starting at the same moment made it first (the unique index on the user name).
                logger.LogInformation(e, "The first administrator {Email} was created by another node.", email);
                return false;
            }

            if (!created.Succeeded && await users.FindByEmailAsync(email) is { } existing && await users.IsInRoleAsync(existing, Roles.Admin))
            {
                logger.LogInformation("The first administrator {Email} was created by another node.", email);
                return false;
            }

            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Could not create the first administrator {email} (setting {EmailSetting}): {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, Roles.Admin);
            await users.AddClaimAsync(user, new Claim(ClaimType, "true"));
            audit.Record(CurrentUser.Anonymous, "User", user.Id.ToString(), AuditAction.Create, null, new { email, role = Roles.Admin, firstAdministrator = true });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await console.Writer.WriteLineAsync($"{LinePrefix} email={email} one-time-password={password}");
        await console.Writer.FlushAsync(cancellationToken);
        logger.LogWarning(
            "Created the first administrator {Email}; its one-time password was printed once on the console (a line starting with '{Prefix}'). Sign in and choose a new password.",
            email,
            LinePrefix);
        return true;
    }

    /// <summary>Whether the sign-in API may accept this account's one-time password: it is the first administrator's.</summary>
    public static async Task<bool> IsFirstAdministratorAsync(UserManager<AppUser> users, AppUser user) =>
        (await users.GetClaimsAsync(user)).Any(c => c.Type == ClaimType);
}
