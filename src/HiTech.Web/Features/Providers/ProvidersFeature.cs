using HiTech.Web.Infrastructure.Jobs;

namespace HiTech.Web.Features.Providers;

/// <summary>
/// Ecosystem providers: self-registration and the profile editor, verification by partnerships officers, yearly
/// confirmation with reminders, a professional's erasure, and the public directory.
/// </summary>
public static class ProvidersFeature
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<ProviderAccess>();
        services.AddScoped<ProfileRules>();
        services.AddScoped<RegisterProvider>();
        services.AddScoped<CreateOwnProfile>();
        services.AddScoped<ReadOwnProfile>();
        services.AddScoped<SaveProfile>();
        services.AddScoped<SubmitProfile>();
        services.AddScoped<ConfirmProfile>();
        services.AddScoped<WithdrawProfile>();
        services.AddScoped<DecideVerification>();
        services.AddScoped<VerificationQueue>();
        services.AddScoped<SearchDirectory>();
        services.AddScoped<ReadDirectoryEntry>();
        services.AddRecurringJob<ProfileExpiryReminders>();
    }

    public static void MapApi(RouteGroupBuilder api) => ProvidersApi.Map(api);
}
