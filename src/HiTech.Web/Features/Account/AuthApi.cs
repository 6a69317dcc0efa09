using HiTech.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

namespace HiTech.Web.Features.Account;

/// <summary>POST /api/v1/auth/login: email and password in, a bearer access token out. Failed attempts are slowed (SignInThrottle), never lock the account.</summary>
public static class AuthApi
{
    public sealed record LoginRequest(string? Email, string? Password);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", LoginAsync)
            .AllowAnonymous()
            .RequireRateLimiting(HostingExtensions.SignInRateLimit)
            .WithTags("Auth")
            .WithSummary("Sign in and receive a bearer access token")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesValidationProblem();

        api.MapPost("/auth/logout", LogoutAsync)
            .RequireApi()
            .WithTags("Auth")
            .WithSummary("Sign out: ends this account's token and every other session of it at once")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, UserManager<AppUser> users)
    {
        await SessionCheck.EndAllAsync(users, http.User);
        return TypedResults.NoContent();
    }

    private static async Task<Results<SignInHttpResult, UnauthorizedHttpResult, ProblemHttpResult, ValidationProblem>> LoginAsync(
        LoginRequest request, HttpContext http, CheckSignIn checkSignIn, SignInManager<AppUser> signIn, UserManager<AppUser> users)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            errors["email"] = ["Enter your email address."];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["Enter your password."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var check = await checkSignIn.ExecuteAsync(http, request.Email!, request.Password!);
        switch (check.Refusal)
        {
            case SignInRefusal.TooManyAttempts:
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(check.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: $"Too many sign-in attempts for this email address. Try again in {check.MinutesToWait} minutes.");
            case SignInRefusal.LockedByAdmin:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "This account has been locked by an administrator. Ask the department to unlock it.");
            case SignInRefusal.NotRight:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The email address or password is not right.");
        }

        var user = check.User!;
        // The first administrator's one-time password is accepted here so that a script can check a new install.
        if (user.MustChangePassword && !await Infrastructure.Startup.FirstAdministrator.IsFirstAdministratorAsync(users, user))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "This account has a temporary password. Sign in on the website and choose your own password first.");
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
