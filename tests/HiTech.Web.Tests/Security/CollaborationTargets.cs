using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Security;

/// <summary>
/// The collaboration data the authorisation matrix aims at: a verified, listed institutional provider, and the
/// provider caller's own draft profile (incomplete, so a submit is refused and changes nothing).
/// </summary>
public static class CollaborationTargets
{
    public static readonly Guid ListedProvider = new("5ec0a11d-0000-4000-8000-00000000a001");

    public static readonly Guid OwnDraft = new("5ec0a11d-0000-4000-8000-00000000a002");

    public static async Task SeedAsync(AppDbContext db, string providerEmail)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        db.Providers.Add(new Provider
        {
            Id = ListedProvider,
            Name = "Security test calibration lab",
            Kind = "tic-lab",
            District = "Ernakulam",
            ServicesEn = "Calibration of pressure gauges",
            Status = ProviderStatus.Verified,
            VerifiedOn = today,
            ExpiresOn = today.AddMonths(12),
            CreatedAt = DateTimeOffset.UtcNow,
        });
        db.Providers.Add(new Provider { Id = OwnDraft, Name = "Security test draft", Kind = "rnd-institute", CreatedAt = DateTimeOffset.UtcNow });
        var account = await db.Users.SingleAsync(u => u.Email == providerEmail);
        account.ProviderId = OwnDraft;
        await db.SaveChangesAsync();
    }
}
