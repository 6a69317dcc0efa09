using HiTech.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

namespace HiTech.Web.Features.Account;

/// <summary>POST /api/v1/auth/login: email and password in, a bearer access token out. Lockout and rate limits apply.</summary>
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
        LoginRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn)
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

        var user = await users.FindByEmailAsync(request.Email!.Trim());
        if (user is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The email address or password is not right.");
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: SessionCheck.LockedByAdmin(user)
                ? "This account has been locked by an administrator. Ask the department to unlock it."
                : "This account is locked after too many attempts. Try again in 15 minutes.");
        }

        if (!result.Succeeded)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The email address or password is not right.");
        }

        if (user.MustChangePassword)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "This account has a temporary password. Sign in on the website and choose your own password first.");
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
