namespace HiTech.Web.Features.OpenData;

/// <summary>The public open data: the dashboard's published tables for anyone, on a page and under /api/v1/indicators.</summary>
public static class OpenDataFeature
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<GetOpenData>();
        services.AddScoped<GetOpenDataFile>();
    }

    public static void MapApi(RouteGroupBuilder api) => OpenDataApi.Map(api);
}
