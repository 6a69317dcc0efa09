namespace HiTech.Web.Features.Providers;

/// <summary>
/// A provider sends its draft (or refused) profile for verification, once it is complete: the same check as a save,
/// so an officer never sees a profile the editor would refuse.
/// </summary>
public sealed class SubmitProfile(AppDbContext db, ProviderAccess access, ProfileRules rules, AuditLog audit, IStringLocalizer<ProvidersText> l)
{
    public async Task<Outcome<ProviderView>> ExecuteAsync(CurrentUser user, int? version, CancellationToken cancellationToken)
    {
        if (!user.IsProvider)
        {
            return Outcome.Forbidden<ProviderView>(l["Only a provider can submit a provider profile"]);
        }

        var provider = await access.OwnAsync(user, cancellationToken);
        if (provider is null)
        {
            return access.NoProfile<ProviderView>();
        }

        if (version is { } read && read != provider.Version)
        {
            return access.Stale<ProviderView>(provider);
        }

        if (provider.Status is not (ProviderStatus.Draft or ProviderStatus.Refused))
        {
            return Outcome.Conflict<ProviderView>(provider.Status == ProviderStatus.Submitted
                ? l["Your profile is already waiting for verification"]
                : l["Your profile is already verified"]);
        }

        var errors = await rules.CheckAsync(ProviderForm.Of(provider), cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<ProviderView>(errors, l["Complete your profile before you submit it: correct the fields listed"]);
        }

        var before = ProviderAccess.Snapshot(provider);
        provider.Status = ProviderStatus.Submitted;
        provider.RefusalReason = "";
        audit.Record(user, ProviderAccess.AuditEntity, provider.Id.ToString(), AuditAction.Submit, before, ProviderAccess.Snapshot(provider));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(ProviderView.Of(provider));
    }
}
