namespace HiTech.Web.Features.Needs;

/// <summary>
/// Enterprises' needs and matching (issue 12, sections 2 and 3): post a need (typed, or pre-filled from a roadmap step
/// or a plan), list, close or withdraw it, and see its top 10 providers with reasons; providers see the open needs they
/// could serve. Pages under /needs and /provider/needs, API under /api/v1/needs and /api/v1/provider/needs.
/// </summary>
public static class NeedsFeature
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<MatchingIndex>();
        services.AddScoped<NeedWords>();
        services.AddScoped<PostNeed>();
        services.AddScoped<ReadNeeds>();
        services.AddScoped<ChangeNeedStatus>();
        services.AddScoped<MatchNeed>();
        services.AddScoped<OpenNeedsForProvider>();
        services.AddScoped<NeedPrefill>();
    }

    public static void MapApi(RouteGroupBuilder api) => NeedsApi.Map(api);
}
