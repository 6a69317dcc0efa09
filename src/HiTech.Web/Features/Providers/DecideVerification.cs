namespace HiTech.Web.Features.Providers;

/// <summary>An officer's decision on a submitted profile: verify it, or refuse it with a reason the provider reads.</summary>
public sealed record VerificationDecision(bool Verify, string? Reason, int? Version);

/// <summary>
/// A partnerships officer (or an admin) verifies a submitted profile (listed from today for 12 months) or refuses it
/// with a reason. Only a submitted profile is decided; a second decision on the same one is a conflict.
/// </summary>
public sealed class DecideVerification(AppDbContext db, ProviderAccess access, AuditLog audit, MatchingIndex index, IStringLocalizer<ProvidersText> l, IStringLocalizer<SharedResource> t)
{
    public async Task<Outcome<ProviderView>> ExecuteAsync(CurrentUser user, Guid providerId, VerificationDecision decision, CancellationToken cancellationToken)
    {
        if (!user.IsPartnershipsOfficer)
        {
            return Outcome.Forbidden<ProviderView>(l["Only a partnerships officer or an admin verifies providers"]);
        }

        var provider = await db.Providers.Include(p => p.Equipment).FirstOrDefaultAsync(p => p.Id == providerId && p.Status != ProviderStatus.Withdrawn, cancellationToken);
        if (provider is null)
        {
            return Outcome.NotFound<ProviderView>();
        }

        if (decision.Version is { } read && read != provider.Version)
        {
            return access.Stale<ProviderView>(provider);
        }

        if (provider.Status != ProviderStatus.Submitted)
        {
            return Outcome.Conflict<ProviderView>(l["This profile is not waiting for verification (someone may have decided it already)"]);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var reason = TextWords.Checked(errors, "reason", decision.Reason, t, multiline: true);
        if (!decision.Verify && errors.Count == 0 && (string.IsNullOrEmpty(reason) || reason.Length > 1000))
        {
            errors["reason"] = [l["Say why the profile is refused, so the provider can correct it (1000 characters or fewer)"]];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<ProviderView>(errors);
        }

        var before = ProviderAccess.Snapshot(provider);
        if (decision.Verify)
        {
            var today = access.Today;
            provider.Status = ProviderStatus.Verified;
            provider.VerifiedOn = today;
            provider.ExpiresOn = today.AddMonths(ProviderAccess.MonthsValid);
            provider.VerifiedBy = user.Id;
            provider.ReminderSentAt = null;
            provider.RefusalReason = "";
        }
        else
        {
            provider.Status = ProviderStatus.Refused;
            provider.RefusalReason = reason!;
        }

        audit.Record(user, ProviderAccess.AuditEntity, provider.Id.ToString(), decision.Verify ? AuditAction.Verify : AuditAction.Refuse, before, ProviderAccess.Snapshot(provider));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict<ProviderView>(l["This profile is not waiting for verification (someone may have decided it already)"]);
        }

        index.Invalidate();
        return Outcome.Ok(ProviderView.Of(provider));
    }
}
