using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HiTech.Web.Infrastructure.Security;

/// <summary>
/// Ends a session the moment its user is locked, changes their password or signs out: every sign-in cookie and bearer
/// token carries the account's security stamp, and each request checks it (and the lockout) against the database.
/// A stale or locked session comes out unauthenticated (see <see cref="EndedSessionPolicyEvaluator"/>), so pages
/// send it to sign-in and the API answers 401.
/// <para>
/// Runs as the claims transformation, which ASP.NET Core applies after every scheme authenticates (the cookie for
/// pages, the bearer token for the API). The cost is one lookup by primary key per signed-in request, with no cache,
/// so that a lock on one node holds on every node at once.
/// </para>
/// </summary>
public sealed class SessionCheck(AppDbContext db, IOptions<IdentityOptions> identity, TimeProvider clock) : IClaimsTransformation
{
    private static readonly ClaimsPrincipal Ended = new(new ClaimsIdentity());

    // Compiled once: a LINQ query run on every signed-in request otherwise re-walks its expression tree and binds fresh
    // delegates each time (the EF Core funcletizer and DynamicMethod.CreateDelegate in the profiles, bench/RESULTS.md).
    private static readonly Func<AppDbContext, Guid, Task<Account?>> FindAccountAsync = EF.CompileAsyncQuery(
        (AppDbContext db, Guid id) => db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new Account(u.SecurityStamp, u.LockoutEnd)).FirstOrDefault());

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        // (ASP.NET Core transforms each principal once per request.)
        if (principal.Identity is not { IsAuthenticated: true })
        {
            return principal;
        }

        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is null || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return Ended;
        }

        var account = await FindAccountAsync(db, id);
        if (account is null || account.SecurityStamp != stamp || account.LockoutEnd > clock.GetUtcNow())
        {
            return Ended;
        }

        return principal;
    }

    /// <summary>Ends every session and token of this account now (sign-out, lock, password change).</summary>
    public static async Task EndAllAsync(UserManager<AppUser> users, ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
    }

    private sealed record Account(string? SecurityStamp, DateTimeOffset? LockoutEnd);

    /// <summary>An admin's lock lasts until unlocked; a lock after failed sign-ins ends by itself.</summary>
    public static bool LockedByAdmin(AppUser user) => user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow.AddYears(1);
}
