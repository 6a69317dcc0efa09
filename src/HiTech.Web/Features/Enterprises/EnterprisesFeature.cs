namespace HiTech.Web.Features.Enterprises;

/// <summary>
/// Registering an enterprise (organisation, units, activities), its overview page and its API
/// under /api/v1/organisations.
/// </summary>
public static class EnterprisesFeature
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<EnterpriseAccess>();
        services.AddScoped<EnterpriseRules>();
        services.AddScoped<EnterpriseLabels>();
        services.AddScoped<EnterpriseOutcomes>();
        services.AddScoped<ReadOrganisation>();
        services.AddScoped<ListOrganisations>();
        services.AddScoped<RegisterOrganisation>();
        services.AddScoped<UpdateOrganisation>();
        services.AddScoped<SaveUnit>();
        services.AddScoped<RemoveUnit>();
        services.AddScoped<SaveActivity>();
        services.AddScoped<RemoveActivity>();
        services.AddScoped<RegistrationDraftStore>();
    }

    public static void MapApi(RouteGroupBuilder api) => EnterprisesApi.Map(api);
}
