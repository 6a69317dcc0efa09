namespace HiTech.Web.Features.Providers;

/// <summary>A provider's own profile, whatever its status.</summary>
public sealed class ReadOwnProfile(ProviderAccess access, IStringLocalizer<ProvidersText> l)
{
    public async Task<Outcome<ProviderView>> ExecuteAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        if (!user.IsProvider)
        {
            return Outcome.Forbidden<ProviderView>(l["Only a provider has a provider profile"]);
        }

        return await access.OwnAsync(user, cancellationToken) is { } provider ? Outcome.Ok(ProviderView.Of(provider)) : access.NoProfile<ProviderView>();
    }
}
