using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization.Policy;

namespace HiTech.Web.Infrastructure.Security;

/// <summary>
/// The standard policy evaluator, except that a session <see cref="SessionCheck"/> ended counts as not signed in:
/// the caller is asked to sign in again (401, or the sign-in page), not told they lack a role (403).
/// </summary>
public sealed class EndedSessionPolicyEvaluator(IAuthorizationService authorization) : IPolicyEvaluator
{
    private readonly PolicyEvaluator _inner = new(authorization);

    public async Task<AuthenticateResult> AuthenticateAsync(AuthorizationPolicy policy, HttpContext context)
    {
        var result = await _inner.AuthenticateAsync(policy, context);
        return result.Succeeded && result.Principal?.Identity?.IsAuthenticated != true ? AuthenticateResult.NoResult() : result;
    }

    public Task<PolicyAuthorizationResult> AuthorizeAsync(AuthorizationPolicy policy, AuthenticateResult authenticationResult, HttpContext context, object? resource) =>
        _inner.AuthorizeAsync(policy, authenticationResult, context, resource);
}
