using HiTech.Web.Infrastructure.Jobs;

namespace HiTech.Web.Features.Introductions;

/// <summary>Expressions of interest between needs and providers: send, answer, withdraw, messages, and the deadlines job.</summary>
public static class IntroductionsFeature
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<IntroductionNotices>();
        services.AddScoped<SendIntroduction>();
        services.AddScoped<AnswerIntroduction>();
        services.AddScoped<WithdrawIntroduction>();
        services.AddScoped<PostIntroductionMessage>();
        services.AddScoped<GetIntroduction>();
        services.AddScoped<ListIntroductions>();
        services.AddScoped<GetOverdueIntroductions>();
        services.AddRecurringJob<IntroductionDeadlines>();
    }

    public static void MapApi(RouteGroupBuilder api) => IntroductionsApi.Map(api);
}
