using HiTech.Core.Collaboration;
using HiTech.Web.Infrastructure.Jobs;

namespace HiTech.Web.Features.Partnerships;

/// <summary>What accepted introductions became: record, milestones, outcome, ratings, and the 30/90-day follow-ups job.</summary>
public static class PartnershipsFeature
{
    public static void AddServices(IServiceCollection services)
    {
        // The vocabularies (data/collaboration/), copied beside the app as reference-data like the rest of the data folder.
        services.AddSingleton(_ => CollaborationData.LoadPartnershipTerms(Path.Combine(AppContext.BaseDirectory, "reference-data")));
        services.AddScoped<PartnershipNotices>();
        services.AddScoped<CreatePartnership>();
        services.AddScoped<ListPartnerships>();
        services.AddScoped<GetPartnership>();
        services.AddScoped<TickMilestone>();
        services.AddScoped<RecordOutcome>();
        services.AddScoped<RatePartnership>();
        services.AddScoped<AnswerFollowUp>();
        services.AddRecurringJob<PartnershipFollowUps>();
    }

    public static void MapApi(RouteGroupBuilder api) => PartnershipsApi.Map(api);
}
