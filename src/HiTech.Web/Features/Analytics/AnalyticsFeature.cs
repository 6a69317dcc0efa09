using HiTech.Core.Analytics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HiTech.Web.Features.Analytics;

/// <summary>Ecosystem aggregates for analysts and admins, never individual enterprise data.</summary>
public static class AnalyticsFeature
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<GetAggregates>();
        services.AddScoped<Infrastructure.Analytics.ISnapshotSource, SnapshotSource>();
        services.AddScoped<GetDashboard>();
        services.AddSingleton<DashboardCache>();
        services.AddScoped<DashboardLabels>();
        services.TryAddSingleton(_ => DisclosureRules.LoadFromDirectory(Path.Combine(AppContext.BaseDirectory, "reference-data")));
    }

    public static void MapApi(RouteGroupBuilder api) => AnalyticsApi.Map(api);
}
