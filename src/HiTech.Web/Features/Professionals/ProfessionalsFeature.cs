namespace HiTech.Web.Features.Professionals;

/// <summary>
/// Returning professionals for verified enterprises and partnerships officers: the /professionals search and the
/// header link of those who may see it. Contact goes through the introductions flow (/introductions/send).
/// </summary>
public static class ProfessionalsFeature
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<SearchProfessionals>();
    }
}
