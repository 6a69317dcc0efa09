namespace HiTech.Web.Features.ProviderImport;

/// <summary>Bulk import of a department's list of providers: the page /provider-import and POST /api/v1/providers/import.</summary>
public static class ProviderImportFeature
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<ImportFiles>();
        services.AddScoped<ImportWords>();
        services.AddScoped<ImportProviders>();
    }

    public static void MapApi(RouteGroupBuilder api) => ProviderImportApi.Map(api);
}
