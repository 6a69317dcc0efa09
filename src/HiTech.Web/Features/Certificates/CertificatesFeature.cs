namespace HiTech.Web.Features.Certificates;

/// <summary>Signed certificates for approved assessments: issuing, the PDF, public verification, revocation.</summary>
public static class CertificatesFeature
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<CertificateFonts>();
        services.AddSingleton<CertificatePdf>();
        services.AddScoped<MalayalamText>();
        services.AddScoped<CertificateSigner>();
        services.AddScoped<IssueCertificate>();
        services.AddScoped<VerifyCertificate>();
        services.AddScoped<RevokeCertificate>();
        services.AddScoped<CertificateDocument>();
        services.AddScoped<CertificateLinks>();
    }

    public static void MapApi(RouteGroupBuilder api) => CertificatesApi.Map(api);
}
