using HiTech.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace HiTech.Web.Features.Account;

/// <summary>Why a sign-in was refused: one answer for an unknown address and a wrong password, so neither tells which accounts exist.</summary>
public enum SignInRefusal
{
    None,

    /// <summary>No account has this address, or the password is wrong.</summary>
    NotRight,

    /// <summary>Too many attempts for this address (see <see cref="SignInThrottle"/>), whether or not an account has it.</summary>
    TooManyAttempts,

    /// <summary>The password is right but an administrator locked the account: only its owner learns this.</summary>
    LockedByAdmin,
}

public sealed record SignInCheck(AppUser? User, SignInRefusal Refusal, TimeSpan RetryAfter)
{
    public bool Succeeded => Refusal == SignInRefusal.None;

    /// <summary>Whole minutes to wait, at least one.</summary>
    public int MinutesToWait => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalMinutes));
}

/// <summary>
/// Checks an email address and password for the sign-in page and the API alike. An unknown address costs the same
/// work as a wrong password (a password hash is checked either way), the refusal is the same, and failed attempts
/// are slowed by <see cref="SignInThrottle"/> instead of locking the account.
/// </summary>
public sealed class CheckSignIn(UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, SignInThrottle throttle)
{
    private static readonly AppUser Nobody = new() { Id = Guid.Empty, UserName = "nobody" };

    // A hash made once with the platform's own hasher and settings, so checking against it costs what a real check costs.
    private static string? _nobodysHash;

    public async Task<SignInCheck> ExecuteAsync(HttpContext http, string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (throttle.Attempt(http.Connection.RemoteIpAddress, email, throttle.TrustedAccount(http.Request), user?.Id) is { } wait)
        {
            return new SignInCheck(null, SignInRefusal.TooManyAttempts, wait);
        }

        if (user is null)
        {
            var nobodysHash = LazyInitializer.EnsureInitialized(ref _nobodysHash, () => hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));
            _ = hasher.VerifyHashedPassword(Nobody, nobodysHash, password);
            return new SignInCheck(null, SignInRefusal.NotRight, TimeSpan.Zero);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            return new SignInCheck(null, SignInRefusal.NotRight, TimeSpan.Zero);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return new SignInCheck(user, SignInRefusal.LockedByAdmin, TimeSpan.Zero);
        }

        return new SignInCheck(user, SignInRefusal.None, TimeSpan.Zero);
    }
}
