namespace HiTech.Web.Features.Providers;

/// <summary>A returning professional's profile as a verified enterprise sees it: no name of an employer, no contact details.</summary>
public sealed record ProfessionalDetails(string Skills, IReadOnlyList<string> Sectors, int? YearsAbroad, IReadOnlyList<string> Availability);

/// <summary>
/// A listed provider's public profile; a professional's details only for those who may see them; its record on the
/// platform (Kernel's ProviderResponsiveness: aggregates only, and only from 5 requests).
/// </summary>
public sealed record PublicProfile(DirectoryEntry Entry, ProfessionalDetails? Professional, ProviderFigures Record);

/// <summary>
/// One listed provider (verified, not expired). An institution is public. A returning professional is shown only to
/// signed-in verified enterprises (an enterprise with at least one approved assessment: an assessor has checked it
/// exists and trades) and to partnerships officers and admins; anyone else gets 404, never a hint that the person
/// is listed.
/// </summary>
public sealed class ReadDirectoryEntry(AppDbContext db, ProviderAccess access)
{
    public async Task<Outcome<PublicProfile>> ExecuteAsync(CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var today = access.Today;
        var provider = await db.Providers.AsNoTracking().Include(p => p.Equipment)
            .FirstOrDefaultAsync(p => p.Id == id && p.Status == ProviderStatus.Verified && p.ExpiresOn >= today, cancellationToken);
        if (provider is null)
        {
            return Outcome.NotFound<PublicProfile>();
        }

        if (provider.Kind != ProfileRules.ProfessionalKind)
        {
            return Outcome.Ok(new PublicProfile(DirectoryEntry.Of(provider), null, await ProviderResponsiveness.ForAsync(db, id, cancellationToken)));
        }

        if (!await MaySeeProfessionalsAsync(db, user, cancellationToken))
        {
            return Outcome.NotFound<PublicProfile>();
        }

        var professional = new ProfessionalDetails(provider.Skills, ProfileLists.Split(provider.Sectors), provider.YearsAbroad, ProfileLists.Split(provider.Availability));
        return Outcome.Ok(new PublicProfile(DirectoryEntry.Of(provider) with { Website = null }, professional, await ProviderResponsiveness.ForAsync(db, id, cancellationToken)));
    }

    /// <summary>Officers and admins; an enterprise user whose organisation has an approved assessment.</summary>
    public static async Task<bool> MaySeeProfessionalsAsync(AppDbContext db, CurrentUser user, CancellationToken cancellationToken) =>
        user.IsPartnershipsOfficer
        || (user.IsEnterprise && user.OrganisationId is { } organisation
            && await db.Assessments.AnyAsync(a => a.OrganisationId == organisation && a.Status == AssessmentStatus.Approved, cancellationToken));
}
