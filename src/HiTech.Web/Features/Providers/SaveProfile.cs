namespace HiTech.Web.Features.Providers;

/// <summary>
/// A provider saves its own profile (page and PUT), if nobody saved it meanwhile. The status does not change: a
/// verified profile stays listed (the verifier vouched for the provider, and each change is in the audit log for the
/// officers to see); a draft or refused one stays the provider's until it submits it.
/// </summary>
public sealed class SaveProfile(AppDbContext db, ProviderAccess access, ProfileRules rules, AuditLog audit, MatchingIndex index, IStringLocalizer<ProvidersText> l)
{
    public async Task<Outcome<ProviderView>> ExecuteAsync(CurrentUser user, ProviderForm form, CancellationToken cancellationToken)
    {
        if (!user.IsProvider)
        {
            return Outcome.Forbidden<ProviderView>(l["Only a provider can change a provider profile"]);
        }

        var provider = await access.OwnAsync(user, cancellationToken);
        if (provider is null)
        {
            return access.NoProfile<ProviderView>();
        }

        var errors = await rules.CheckAsync(form, cancellationToken);
        if (form.Kind == ProfileRules.ProfessionalKind && provider.ConsentAt is null && !form.Consent)
        {
            errors["consent"] = [l["To be listed as a professional, agree to the purpose your details are used for"]];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<ProviderView>(errors);
        }

        if (provider.Version != form.Version)
        {
            return access.Stale<ProviderView>(provider);
        }

        var before = ProviderAccess.Snapshot(provider);
        ProfileRules.Apply(form, provider);
        if (form.Kind == ProfileRules.ProfessionalKind && provider.ConsentAt is null)
        {
            provider.ConsentAt = access.Now;
        }

        db.Entry(provider).State = EntityState.Modified;
        db.Entry(provider).Property(p => p.Version).OriginalValue = form.Version;
        audit.Record(user, ProviderAccess.AuditEntity, provider.Id.ToString(), AuditAction.Update, before, ProviderAccess.Snapshot(provider));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var saved = await db.Providers.AsNoTracking().FirstAsync(p => p.Id == provider.Id, cancellationToken);
            return access.Stale<ProviderView>(saved);
        }

        index.Invalidate();
        return Outcome.Ok(ProviderView.Of(provider));
    }
}
