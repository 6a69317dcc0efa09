using Microsoft.AspNetCore.Mvc.Filters;

namespace HiTech.Web.Infrastructure.Security;

/// <summary>
/// A user signed in with a temporary password (set by an admin) reaches only the change-password page, sign-out
/// and the language switch until they choose their own.
/// </summary>
public sealed class TemporaryPasswordFilter : IAsyncPageFilter
{
    private static readonly string[] Allowed = ["/account/change-password", "/account/sign-out", "/language", "/error"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var path = context.HttpContext.Request.Path;
        if (context.HttpContext.User.HasClaim(Roles.MustChangePasswordClaim, "true") && !Allowed.Any(a => path.StartsWithSegments(a, StringComparison.OrdinalIgnoreCase)))
        {
            context.Result = new LocalRedirectResult("/account/change-password");
            return;
        }

        await next();
    }
}
