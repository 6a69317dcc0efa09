namespace HiTech.Web.Features.Reviews;

/// <summary>The assessor's review: queue, evidence, a decision per input, approve (final result and certificate) or return.</summary>
public static class ReviewsFeature
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<ReviewChanges>();
        services.AddScoped<GetReviewQueue>();
        services.AddScoped<GetReview>();
        services.AddScoped<AuditTrailWords>();
        services.AddScoped<GetEvidenceFile>();
        services.AddScoped<TakeAssessment>();
        services.AddScoped<DecideInput>();
        services.AddScoped<ApproveAssessment>();
        services.AddScoped<ReturnAssessment>();
    }

    public static void MapApi(RouteGroupBuilder api) => ReviewsApi.Map(api);
}
