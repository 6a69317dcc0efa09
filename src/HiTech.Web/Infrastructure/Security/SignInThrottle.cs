using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;

namespace HiTech.Web.Infrastructure.Security;

/// <summary>
/// Slows password guessing without letting anyone lock a real user out. Nothing locks an account after failed
/// sign-ins (only an administrator locks one). Instead, every attempt takes a permit from two limits, keyed by the
/// email address as typed (whether or not an account has it, so the answer says nothing about which exist):
/// <list type="bullet">
/// <item>per client address and email: 5 attempts in 15 minutes; a guesser is stopped, other clients are not;</item>
/// <item>per email, from all addresses: 10 attempts at once, then one a minute, which bounds a guesser spread over
/// many addresses. A browser this account has signed in from before (it carries the account's <see cref="DeviceCookie"/>)
/// skips this limit, so an attack on the account never keeps its owner out of a browser they have used.</item>
/// </list>
/// The limits are per node (in memory): with N nodes behind a balancer a guesser gets at most N times as many tries.
/// </summary>
public sealed class SignInThrottle(IDataProtectionProvider protection, TimeProvider clock, IHostEnvironment environment)
{
    public const string DeviceCookie = "hitech.device";

    private static readonly TimeSpan DeviceLifetime = TimeSpan.FromDays(365);

    private readonly ITimeLimitedDataProtector _device = protection.CreateProtector("hitech.sign-in.device").ToTimeLimitedDataProtector();

    private readonly PartitionedRateLimiter<string> _perClient = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = 5,
            Window = TimeSpan.FromMinutes(15),
            SegmentsPerWindow = 15,
            QueueLimit = 0,
        }));

    private readonly PartitionedRateLimiter<string> _perAccount = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = 10,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Takes a permit for one attempt; answers null when allowed, or how long to wait.</summary>
    public TimeSpan? Attempt(IPAddress? client, string email, Guid? trustedAccount, Guid? account)
    {
        var key = email.Trim().ToUpperInvariant();
        using var perClient = _perClient.AttemptAcquire($"{client}|{key}");
        if (!perClient.IsAcquired)
        {
            return RetryAfter(perClient, TimeSpan.FromMinutes(15));
        }

        if (account is not null && account == trustedAccount)
        {
            return null;
        }

        using var perAccount = _perAccount.AttemptAcquire(key);
        return perAccount.IsAcquired ? null : RetryAfter(perAccount, TimeSpan.FromMinutes(1));
    }

    /// <summary>The account whose owner signed in from this browser before (its device cookie), if any.</summary>
    public Guid? TrustedAccount(HttpRequest request)
    {
        if (request.Cookies[DeviceCookie] is not { Length: > 0 } value)
        {
            return null;
        }

        try
        {
            return Guid.TryParse(_device.Unprotect(value), out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Marks this browser as one the account's owner signs in from (after a successful sign-in).</summary>
    public void RememberDevice(HttpContext http, Guid account) =>
        http.Response.Cookies.Append(DeviceCookie, _device.Protect(account.ToString("D"), clock.GetUtcNow() + DeviceLifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps || !environment.IsDevelopment(),
            SameSite = SameSiteMode.Lax,
            Path = "/account",
            MaxAge = DeviceLifetime,
            IsEssential = true,
        });

    private static TimeSpan RetryAfter(RateLimitLease lease, TimeSpan fallback) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : fallback;
}
