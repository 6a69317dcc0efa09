namespace HiTech.Web.Features.Admin;

/// <summary>Administration: staff accounts, framework versions, certificate revocation (pages; revocation also in the certificates API).</summary>
public static class AdminFeature
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<ListUsers>();
        services.AddScoped<ListJobs>();
        services.AddScoped<CreateStaffAccount>();
        services.AddScoped<LockAccount>();
        services.AddScoped<ChangeRole>();
        services.AddScoped<ListFrameworkVersions>();
        services.AddScoped<PublishFramework>();
        services.AddScoped<ActivateFramework>();
    }
}
