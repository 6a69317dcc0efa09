namespace HiTech.Web.Features.Providers;

/// <summary>What a provider types to register: its account, its name and kind, and (a professional) its consent.</summary>
public sealed record ProviderRegistration(AccountRequest Account, string? ProviderName, string? Kind, bool Consent);

/// <summary>
/// A provider registers itself: an account with the Provider role and a Draft profile, saved together. It fills in
/// the profile next and submits it for verification. A returning professional must agree to the stated purpose first
/// (DPDP Act 2023: consent to a purpose), and the moment is kept.
/// </summary>
public sealed class RegisterProvider(
    NewAccount accounts,
    AppDbContext db,
    AuditLog audit,
    CollaborationVocabulary vocabulary,
    FrameworkStore frameworks,
    ProviderAccess access,
    IStringLocalizer<ProvidersText> l,
    IStringLocalizer<SharedResource> t)
{
    public async Task<Outcome<AppUser>> ExecuteAsync(ProviderRegistration request, CancellationToken cancellationToken)
    {
        var data = vocabulary.For(await frameworks.ActiveAsync(cancellationToken));
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = TextWords.Checked(errors, "providerName", request.ProviderName, t);
        if (name is { Length: 0 } or { Length: > 200 })
        {
            errors["providerName"] = [l["Enter the name of your institution, lab or firm (or your own name if you are a professional), in 200 characters or fewer"]];
        }

        var kind = data.Kinds.IndexOf(request.Kind ?? "") is var index and >= 0 ? data.Kinds.Terms[index].Id : null;
        if (kind is null)
        {
            errors["kind"] = [l["Choose what kind of provider you are"]];
        }
        else if (kind == ProfileRules.ProfessionalKind && !request.Consent)
        {
            errors["consent"] = [l["To be listed as a professional, agree to the purpose your details are used for"]];
        }

        if (errors.Count > 0)
        {
            // The account's own checks too, so every mistake is listed at once.
            var account = await accounts.ExecuteAsync(request.Account with { Password = null }, Roles.Provider);
            foreach (var (field, messages) in account.Errors.Where(e => e.Key != "password" || string.IsNullOrEmpty(request.Account.Password)))
            {
                errors[field] = messages;
            }

            return Outcome.Invalid<AppUser>(errors);
        }

        var provider = new Provider
        {
            Id = Guid.NewGuid(),
            Name = name!,
            Kind = kind!,
            Status = ProviderStatus.Draft,
            CreatedAt = access.Now,
            ConsentAt = kind == ProfileRules.ProfessionalKind ? access.Now : null,
        };
        db.Providers.Add(provider);

        // The account's save (Identity's) carries the profile with it: both are there, or neither.
        var created = await accounts.ExecuteAsync(request.Account, Roles.Provider, user => user.ProviderId = provider.Id);
        if (!created.IsOk)
        {
            db.Providers.Remove(provider);
            return created;
        }

        var by = new CurrentUser(created.Value!.Id, [Roles.Provider], null, provider.Id);
        audit.Record(by, ProviderAccess.AuditEntity, provider.Id.ToString(), AuditAction.Create, null, ProviderAccess.Snapshot(provider));
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }
}
