namespace HiTech.Web.Features.Assessments;

/// <summary>
/// Enterprise self-assessment: start one per financial year, enter the framework's inputs page by page with
/// evidence, check answers, submit for a provisional result, and read the explanation. Pages under /assessments,
/// API under /api/v1/assessments.
/// </summary>
public static class AssessmentsFeature
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<AssessmentWords>();
        services.AddScoped<ExplanationWords>();
        services.AddScoped<ListAssessments>();
        services.AddScoped<StartAssessment>();
        services.AddScoped<GetAssessment>();
        services.AddScoped<SaveInputs>();
        services.AddScoped<UploadEvidence>();
        services.AddScoped<RemoveEvidence>();
        services.AddScoped<DownloadEvidence>();
        services.AddScoped<SubmitAssessment>();
        services.AddScoped<GetResult>();
    }

    public static void MapApi(RouteGroupBuilder api) => AssessmentsApi.Map(api);
}
