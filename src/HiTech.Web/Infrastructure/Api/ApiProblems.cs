using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace HiTech.Web.Infrastructure.Api;

/// <summary>
/// Every refusal under /api answers application/problem+json in the caller's language, whatever the Accept header:
/// a request that cannot be read (400 naming the field, 413, 415; see <see cref="BindingProblems"/>), and the answers
/// that carry no body of their own (401 without a valid token, 403, 404 for an unknown address too, 405, 429 with
/// Retry-After). Pages keep their HTML error pages.
/// </summary>
public static class ApiProblems
{
    /// <summary>The key under <c>errors</c> for what concerns the request body as a whole.</summary>
    public const string BodyField = "body";

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>Binding failures become exceptions (in every environment) that <see cref="BindingProblems"/> words.</summary>
    public static IServiceCollection AddApiProblems(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BindingProblems>();

        // Every problem, whoever writes it (OutcomeResults, the refusals here, the exception handler), carries the
        // request's trace id: the id of its trace and of its JSON log lines, for a caller to quote to support.
        services.Configure<ProblemDetailsOptions>(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["traceId"] = TraceId(c.HttpContext));
        return services;
    }

    /// <summary>
    /// For /api requests: no HTML status-code page, and a problem for any 4xx or 5xx the endpoint (or routing,
    /// authentication, the rate limiter) left without a body. Runs after request localisation, so in the user's language.
    /// </summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsApi(context.Request.Path))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        await next(context);
        var response = context.Response;
        if (response.HasStarted || response.StatusCode < 400 || response.ContentLength.HasValue || !string.IsNullOrEmpty(response.ContentType))
        {
            return;
        }

        var words = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var limits = context.RequestServices.GetRequiredService<PlatformOptions>();
        await WriteAsync(context, ForStatus(context, response.StatusCode, words, limits));
    });

    /// <summary>The W3C trace id (32 hex digits) of the request, as in the logs' TraceId; the connection's id when nothing traces.</summary>
    public static string TraceId(HttpContext context) =>
        System.Diagnostics.Activity.Current is { } activity ? activity.TraceId.ToHexString() : context.TraceIdentifier;

    /// <summary>Tells a rate-limited caller how many seconds to wait (the Retry-After header).</summary>
    public static ValueTask RetryAfterAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        if (rejected.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var wait))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Writes the problem as application/problem+json, whatever the request's Accept header says.</summary>
    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        context.Response.Headers.CacheControl = "no-store";
        await TypedResults.Problem(problem).ExecuteAsync(context);
    }

    /// <summary>A problem with one message per field.</summary>
    public static HttpValidationProblemDetails Fields(int status, string title, IDictionary<string, string[]> errors) =>
        new(errors) { Status = status, Title = title };

    /// <summary>Runs <paramref name="work"/> in the request's language (outside the localisation middleware, e.g. in the exception handler).</summary>
    public static T InRequestLanguage<T>(HttpContext context, Func<T> work)
    {
        var culture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture;
        if (culture is null)
        {
            return work();
        }

        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return work();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }

    /// <summary>The largest request the server reads, in whole megabytes.</summary>
    private static long LimitMegabytes(PlatformOptions limits) => Math.Max(1, limits.MaxUploadBytes / (1024 * 1024));

    /// <summary>The problem for a status that came without a body of its own.</summary>
    internal static ProblemDetails ForStatus(HttpContext context, int status, IStringLocalizer<SharedResource> t, PlatformOptions limits) => status switch
    {
        StatusCodes.Status401Unauthorized => Plain(status, t["Sign in first"], t["Send a valid access token in the Authorization header (Bearer). Get one with POST /api/v1/auth/login."]),
        StatusCodes.Status403Forbidden => Plain(status, t["Your account may not do this"], t["Your account does not give access to this."]),
        StatusCodes.Status404NotFound => Plain(status, t["Not found"], t["There is nothing at this address. Check the address and the id in it."]),
        StatusCodes.Status405MethodNotAllowed => Plain(status, t["This address does not accept {0}", context.Request.Method], t["Allowed: {0}", context.Response.Headers.Allow.ToString()]),
        StatusCodes.Status413PayloadTooLarge => Fields(status, t["The request is too large"], Body(t["Send at most {0} MB.", LimitMegabytes(limits)])),
        StatusCodes.Status415UnsupportedMediaType => Fields(status, t["The body is not in a format this address accepts"], Body(t["Send the body as JSON, with the header Content-Type: application/json."])),
        StatusCodes.Status429TooManyRequests => Plain(status, t["Too many attempts"], t["Wait {0} seconds and try again.", RetryAfterSeconds(context)]),
        _ => Plain(status, ReasonPhrases.GetReasonPhrase(status), null),
    };

    private static string RetryAfterSeconds(HttpContext context) =>
        context.Response.Headers.RetryAfter is { Count: > 0 } header ? header.ToString() : "60";

    private static Dictionary<string, string[]> Body(string message) => new(StringComparer.Ordinal) { [BodyField] = [message] };

    private static ProblemDetails Plain(int status, string title, string? detail) => new() { Status = status, Title = title, Detail = detail };
}
