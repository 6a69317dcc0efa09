namespace HiTech.Web.Features.Providers;

/// <summary>
/// A signed-in Provider account without a profile (one an admin created) registers its profile as a Draft, checked
/// like any save. An account that has one already gets a conflict naming it.
/// </summary>
public sealed class CreateOwnProfile(AppDbContext db, ProviderAccess access, ProfileRules rules, AuditLog audit, IStringLocalizer<ProvidersText> l)
{
    public async Task<Outcome<ProviderView>> ExecuteAsync(CurrentUser user, ProviderForm form, CancellationToken cancellationToken)
    {
        if (!user.IsProvider || user.Id is not { } userId)
        {
            return Outcome.Forbidden<ProviderView>(l["Only a provider account can register a provider profile"]);
        }

        if (await access.OwnIdAsync(user, cancellationToken) is { } existing)
        {
            return Outcome.Conflict<ProviderView>(l["Your account has a provider profile already; change it instead"]) with
            {
                Extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["providerId"] = existing },
            };
        }

        var errors = await rules.CheckAsync(form, cancellationToken);
        if (form.Kind == ProfileRules.ProfessionalKind && !form.Consent)
        {
            errors["consent"] = [l["To be listed as a professional, agree to the purpose your details are used for"]];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<ProviderView>(errors);
        }

        var provider = new Provider { Id = Guid.NewGuid(), Status = ProviderStatus.Draft, CreatedAt = access.Now };
        ProfileRules.Apply(form, provider);
        provider.ConsentAt = provider.Kind == ProfileRules.ProfessionalKind ? access.Now : null;
        db.Providers.Add(provider);
        var account = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        account.ProviderId = provider.Id;
        audit.Record(user, ProviderAccess.AuditEntity, provider.Id.ToString(), AuditAction.Create, null, ProviderAccess.Snapshot(provider));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(ProviderView.Of(provider));
    }
}
