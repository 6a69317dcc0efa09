using HiTech.Web.Infrastructure.Security;

namespace HiTech.Web.Features.Account;

/// <summary>Signing in and out, creating an account, choosing a language; API sign-in for bearer tokens.</summary>
public static class AccountFeature
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<CheckSignIn>();
    }

    public static void MapApi(RouteGroupBuilder api) => AuthApi.Map(api);
}
