namespace HiTech.Web.Features;

/// <summary>
/// Where each feature folder plugs in its handlers and API endpoints (called from Program.cs, the composition root:
/// Infrastructure never refers to a feature). A feature adds one line to each method; its handlers are plain
/// classes called by its pages and endpoints.
/// </summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddScoped<Kernel.AssessmentScoring>();
        services.AddScoped<Kernel.NewAccount>();
        services.AddSingleton<Kernel.CollaborationVocabulary>();
        services.AddScoped<Kernel.Notify>();
        services.AddScoped<Infrastructure.Startup.IDataSeeder, Demo.DemoSeeder>();
        Features.Account.AccountFeature.AddServices(services);
        Features.Assessments.AssessmentsFeature.AddServices(services);
        Features.Enterprises.EnterprisesFeature.AddServices(services);
        Features.Certificates.CertificatesFeature.AddServices(services);
        Features.Reviews.ReviewsFeature.AddServices(services);
        Features.Admin.AdminFeature.AddServices(services);
        Features.Analytics.AnalyticsFeature.AddServices(services);
        Features.OpenData.OpenDataFeature.AddServices(services);
        Features.WhatIf.WhatIfFeature.AddServices(services);
        Features.Maturity.MaturityFeature.AddServices(services);
        Features.ProviderImport.ProviderImportFeature.AddServices(services);
        Features.Providers.ProvidersFeature.AddServices(services);
        Features.Needs.NeedsFeature.AddServices(services);
        Features.Introductions.IntroductionsFeature.AddServices(services);
        Features.Partnerships.PartnershipsFeature.AddServices(services);
        Features.Notifications.NotificationsFeature.AddServices(services);
        Features.Professionals.ProfessionalsFeature.AddServices(services);
        return services;
    }

    public static void MapFeatures(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        Features.Account.AccountFeature.MapApi(api);
        Features.Assessments.AssessmentsFeature.MapApi(api);
        Features.Enterprises.EnterprisesFeature.MapApi(api);
        Features.Certificates.CertificatesFeature.MapApi(api);
        Features.Reviews.ReviewsFeature.MapApi(api);
        Features.Analytics.AnalyticsFeature.MapApi(api);
        Features.OpenData.OpenDataFeature.MapApi(api);
        Features.Maturity.MaturityFeature.MapApi(api);
        Features.ProviderImport.ProviderImportFeature.MapApi(api);
        Features.Providers.ProvidersFeature.MapApi(api);
        Features.Needs.NeedsFeature.MapApi(api);
        Features.Introductions.IntroductionsFeature.MapApi(api);
        Features.Partnerships.PartnershipsFeature.MapApi(api);
        Features.Classify.ClassifyApi.Map(api);
    }
}
