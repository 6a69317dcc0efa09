namespace HiTech.Web.Features.Maturity;

/// <summary>
/// Digital maturity and Industry 4.0 adoption: the DMA-aligned self-assessment (short screen, then the deeper modules
/// that fit the firm), its result with a peer benchmark, a roadmap with the schemes that pay for it, progress over time
/// and a PDF report; the overall score feeds the framework's <c>digital_maturity</c> input. Pages under /maturity,
/// API under /api/v1/maturity. The instrument and the schemes are read once here, at start-up.
/// </summary>
public static class MaturityFeature
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton(MaturityReference.Load(Path.Combine(AppContext.BaseDirectory, "reference-data")));
        services.AddSingleton<MaturityPdf>();
        services.AddScoped<MaturityWords>();
        services.AddScoped<ReadFirm>();
        services.AddScoped<GetMaturity>();
        services.AddScoped<StartMaturity>();
        services.AddScoped<SaveMaturityAnswers>();
        services.AddScoped<CompleteMaturity>();
        services.AddScoped<ApplyMaturityScore>();
        services.AddScoped<DigitalMaturityFlow>();
        services.AddScoped<BuildMaturityReport>();
        services.AddScoped<MaturityReportDocument>();
    }

    public static void MapApi(RouteGroupBuilder api) => MaturityApi.Map(api);
}
