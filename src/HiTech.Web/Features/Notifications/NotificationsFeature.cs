using HiTech.Web.Infrastructure.Jobs;

namespace HiTech.Web.Features.Notifications;

/// <summary>The in-app notifications list, the unread count in the header, and the choice of e-mail or app only.</summary>
public static class NotificationsFeature
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<ListNotifications>();
        services.AddScoped<ChooseNotifyByEmail>();
        services.AddSingleton(sp => EmailOptions.Read(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<PlatformOptions>()));
        services.AddRecurringJob<OutboxSender>();
    }
}
