namespace HiTech.Web.Features.Providers;

/// <summary>
/// "My profile is still right": a verified provider renews its listing for 12 months from today (also after it
/// lapsed, which lists it again). Reminders start over.
/// </summary>
public sealed class ConfirmProfile(AppDbContext db, ProviderAccess access, AuditLog audit, MatchingIndex index, IStringLocalizer<ProvidersText> l)
{
    public async Task<Outcome<ProviderView>> ExecuteAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        if (!user.IsProvider)
        {
            return Outcome.Forbidden<ProviderView>(l["Only a provider can confirm a provider profile"]);
        }

        var provider = await access.OwnAsync(user, cancellationToken);
        if (provider is null)
        {
            return access.NoProfile<ProviderView>();
        }

        if (provider.Status != ProviderStatus.Verified)
        {
            return Outcome.Conflict<ProviderView>(l["Only a verified profile can be confirmed; submit yours for verification first"]);
        }

        var before = ProviderAccess.Snapshot(provider);
        var today = access.Today;
        provider.VerifiedOn = today;
        provider.ExpiresOn = today.AddMonths(ProviderAccess.MonthsValid);
        provider.ReminderSentAt = null;
        audit.Record(user, ProviderAccess.AuditEntity, provider.Id.ToString(), AuditAction.Confirm, before, ProviderAccess.Snapshot(provider));
        await db.SaveChangesAsync(cancellationToken);
        index.Invalidate();
        return Outcome.Ok(ProviderView.Of(provider));
    }
}
