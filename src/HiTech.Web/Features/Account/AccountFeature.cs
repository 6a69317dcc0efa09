namespace HiTech.Web.Features.Account;

/// <summary>Signing in and out, creating an account, choosing a language; API sign-in for bearer tokens.</summary>
public static class AccountFeature
{
    public static void AddServices(IServiceCollection services)
    {
    }

    public static void MapApi(RouteGroupBuilder api) => AuthApi.Map(api);
}
