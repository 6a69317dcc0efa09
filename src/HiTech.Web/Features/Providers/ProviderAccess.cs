namespace HiTech.Web.Features.Providers;

/// <summary>
/// Which provider a user answers for, and the shared pieces of saving a profile: the audit snapshot (without a
/// professional's personal data, so erasure leaves nothing of it in the hash-chained audit log), today's date in India,
/// and the stale-save message.
/// </summary>
public sealed class ProviderAccess(AppDbContext db, TimeProvider clock, IStringLocalizer<ProvidersText> l)
{
    public const string AuditEntity = nameof(Provider);

    /// <summary>How long a verification (or a confirmation) holds.</summary>
    public const int MonthsValid = 12;

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => TodayOf(clock);

    /// <summary>Today's date in India, where profiles lapse.</summary>
    public static DateOnly TodayOf(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(5.5)).DateTime);

    /// <summary>
    /// The provider a Provider user answers for: the sign-in's claim, else the account's row (an account given a
    /// profile after it signed in, such as a bearer token issued before the profile was registered).
    /// </summary>
    public async Task<Guid?> OwnIdAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        if (!user.IsProvider || user.Id is not { } id)
        {
            return null;
        }

        return user.ProviderId ?? await db.Users.Where(u => u.Id == id).Select(u => u.ProviderId).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The user's own profile with its equipment, tracked for a change; null when there is none.</summary>
    public async Task<Provider?> OwnAsync(CurrentUser user, CancellationToken cancellationToken) =>
        await OwnIdAsync(user, cancellationToken) is { } id
            ? await db.Providers.Include(p => p.Equipment).FirstOrDefaultAsync(p => p.Id == id && p.Status != ProviderStatus.Withdrawn, cancellationToken)
            : null;

    public Outcome<T> NoProfile<T>() => Outcome.NotFound<T>(l["You have no provider profile yet"]);

    public Outcome<T> Stale<T>(Provider saved) =>
        Outcome.Stale<T>(l["Someone else saved a change to this profile after you opened it. Your change has not been saved. Check what is saved now, then make your change again."], saved.Version);

    /// <summary>
    /// What the audit log keeps of a profile. A returning professional is a person (DPDP Act 2023): only the kind,
    /// district, status and dates are kept, never the name, skills or contact, so erasing the profile erases them all.
    /// </summary>
    public static object Snapshot(Provider p) => p.Kind == ProfileRules.ProfessionalKind
        ? new { p.Kind, p.District, Status = p.Status.ToString(), p.VerifiedOn, p.ExpiresOn, p.Version }
        : new
        {
            p.Name,
            p.Kind,
            p.District,
            p.Remote,
            p.NicCodes,
            p.Stages,
            p.Certifications,
            p.Technologies,
            p.Languages,
            p.TrlFrom,
            p.TrlTo,
            p.ResponseDays,
            p.ServicesEn,
            p.ServicesMl,
            p.Website,
            p.ContactEmail,
            Equipment = p.Equipment.Count,
            Status = p.Status.ToString(),
            p.RefusalReason,
            p.VerifiedOn,
            p.ExpiresOn,
            p.Version,
        };

    /// <summary>Listed and matched: verified, and not past its last day.</summary>
    public static bool IsListed(Provider p, DateOnly today) => p.Status == ProviderStatus.Verified && p.ExpiresOn >= today;
}
