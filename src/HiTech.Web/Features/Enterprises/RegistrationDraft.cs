using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace HiTech.Web.Features.Enterprises;

/// <summary>What an owner has answered so far in the registration pages, before the check-your-answers page.</summary>
public sealed record RegistrationDraft
{
    public string? Name { get; init; }

    public string? UdyamNumber { get; init; }

    public string? Gstin { get; init; }

    /// <summary>The district's id, e.g. palakkad.</summary>
    public string? District { get; init; }

    public string? Address { get; init; }

    public decimal? InvestmentInr { get; init; }

    public decimal? TurnoverInr { get; init; }

    public bool HasDetails => !string.IsNullOrEmpty(Name) && !string.IsNullOrEmpty(UdyamNumber);

    public bool HasLocation => !string.IsNullOrEmpty(District) && !string.IsNullOrEmpty(Address);

    public bool HasSize => InvestmentInr is not null && TurnoverInr is not null;

    public RegistrationRequest ToRequest() => new(Name, UdyamNumber, Gstin, District, Address, InvestmentInr, TurnoverInr);
}

/// <summary>
/// Keeps the registration draft between pages in a cookie encrypted with Data Protection (keys are in the
/// database, so any node can read it), bound to the signed-in user and valid for a day. Nothing is saved in
/// the database until the owner confirms on the check-your-answers page.
/// </summary>
public sealed class RegistrationDraftStore(IDataProtectionProvider protection)
{
    public const string CookieName = "hitech.register";
    private const string CookiePath = "/enterprise/register";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public RegistrationDraft Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return new RegistrationDraft();
        }

        try
        {
            return JsonSerializer.Deserialize<RegistrationDraft>(Protector(context).Unprotect(value)) ?? new RegistrationDraft();
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            // Expired, from another user or tampered with: start again.
            return new RegistrationDraft();
        }
    }

    public void Write(HttpContext context, RegistrationDraft draft) =>
        context.Response.Cookies.Append(CookieName, Protector(context).Protect(JsonSerializer.Serialize(draft), Lifetime), Options(context));

    public void Clear(HttpContext context) => context.Response.Cookies.Delete(CookieName, Options(context));

    private ITimeLimitedDataProtector Protector(HttpContext context) =>
        protection.CreateProtector("HiTech.Enterprises.RegistrationDraft.v1", CurrentUser.From(context.User).Id?.ToString() ?? "anonymous")
            .ToTimeLimitedDataProtector();

    private static CookieOptions Options(HttpContext context) => new()
    {
        Path = CookiePath,
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
    };
}
