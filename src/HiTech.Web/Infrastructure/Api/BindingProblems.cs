using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace HiTech.Web.Infrastructure.Api;

/// <summary>
/// What an /api request that could not be read, or failed unexpectedly, answers: never the HTML error page. A body or
/// query value that cannot be bound (wrong type, too large a number, a bad id, a list for an object, no body, not
/// JSON, nested too deeply) is a 400 naming the field by its JSON path (<c>version</c>, <c>inputs</c>, <c>page</c>;
/// <c>body</c> for the body as a whole) with what it must be; a body of the wrong type is 415, too large 413; anything
/// else is a 500 problem without internals.
/// </summary>
public sealed partial class BindingProblems(
    IStringLocalizer<SharedResource> t, IOptions<HttpJsonOptions> json, PlatformOptions limits, ILogger<BindingProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The exception handler has already pointed the request at the error page: the feature keeps where it was going.
        var failed = httpContext.Features.Get<IExceptionHandlerFeature>();
        var path = failed?.Path is { } original ? new PathString(original) : httpContext.Request.Path;
        if (!ApiProblems.IsApi(path))
        {
            return false;
        }

        ProblemDetails problem;
        if (exception is BadHttpRequestException refused)
        {
            logger.LogInformation("Refused an unreadable API request to {Path}: {Reason}", path, refused.InnerException?.Message ?? refused.Message);
            problem = ApiProblems.InRequestLanguage(httpContext, () => Describe(httpContext, refused, failed?.Endpoint));
        }
        else
        {
            logger.LogError(exception, "The API request to {Path} failed", path);
            problem = ApiProblems.InRequestLanguage(httpContext, () => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = t["Sorry, there is a problem with the service"],
                Detail = t["Please try again later. Nothing you saved has been lost."],
            });
        }

        await ApiProblems.WriteAsync(httpContext, problem);
        return true;
    }

    private ProblemDetails Describe(HttpContext context, BadHttpRequestException refused, Endpoint? endpoint)
    {
        if (refused.StatusCode is StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType)
        {
            return ApiProblems.ForStatus(context, refused.StatusCode, t, limits);
        }

        var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (refused.InnerException is JsonException unreadable)
        {
            var (field, message) = DescribeJson(unreadable, bodyType);
            return Invalid(field, message);
        }

        // "Failed to bind parameter "int? page" from "abc"." / "Required parameter "int version" was not provided ...":
        // the parameter named first in quotes.
        var name = ParameterPattern().Match(refused.Message) is { Success: true } quoted ? quoted.Groups["name"].Value : null;
        var parameter = endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters().FirstOrDefault(p => p.Name == name);
        if (parameter is null || parameter.ParameterType == bodyType)
        {
            var message = bodyType is null ? t["The request could not be read."].Value : Kind(bodyType) == JsonTypeInfoKind.Object ? t["Send a JSON object in the request body."].Value : Expected(bodyType);
            return Invalid(ApiProblems.BodyField, message);
        }

        var given = context.Request.Query.ContainsKey(parameter.Name!) || context.Request.RouteValues.ContainsKey(parameter.Name!);
        return Invalid(parameter.Name!, given ? Expected(parameter.ParameterType) : t["Give a value here."]);
    }

    /// <summary>The field (the JSON path, or <c>body</c>) and what is wrong with it.</summary>
    private (string Field, string Message) DescribeJson(JsonException unreadable, Type? bodyType)
    {
        // The reader's own refusal (wrapped by the serializer): the text is not JSON, stops short, or nests too deep.
        if (unreadable.InnerException is JsonException reader)
        {
            var maxDepth = json.Value.SerializerOptions.MaxDepth is > 0 and var depth ? depth : 64;
            // "... larger than the maximum allowed depth of 64", as against "Expected depth to be zero at the end ..." (cut short).
            var tooDeep = reader.Message.Contains("maximum", StringComparison.OrdinalIgnoreCase) && reader.Message.Contains("depth", StringComparison.OrdinalIgnoreCase);
            var message = tooDeep
                ? t["The request body is nested too deeply: at most {0} levels.", maxDepth]
                : t["The request body is not valid JSON: look near line {0}, character {1}.", (unreadable.LineNumber ?? 0) + 1, (unreadable.BytePositionInLine ?? 0) + 1];
            return (ApiProblems.BodyField, message);
        }

        var path = unreadable.Path ?? "$";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path == "$" ? ApiProblems.BodyField : path.TrimStart('$');
        var segments = SegmentPattern().Matches(path).Select(m => m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["index"].Value).ToList();
        return (field, Expected(TypeAt(bodyType, segments)));
    }

    /// <summary>The .NET type the body holds at this JSON path, found through the serializer's own contract (its names).</summary>
    private Type? TypeAt(Type? type, IReadOnlyList<string> segments)
    {
        var options = json.Value.SerializerOptions;
        var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var segment in segments)
        {
            var info = type is null ? null : Info(type);
            type = info?.Kind switch
            {
                JsonTypeInfoKind.Object => info.Properties.FirstOrDefault(p => string.Equals(p.Name, segment, comparison))?.PropertyType,
                JsonTypeInfoKind.Dictionary or JsonTypeInfoKind.Enumerable => info.ElementType,
                _ => null,
            };
        }

        return type;
    }

    /// <summary>What a value of this type must look like, in words.</summary>
    private string Expected(Type? type)
    {
        var plain = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return plain switch
        {
            null => t["This value is not of the right kind."],
            _ when WholeNumberLimit(plain) is { } limit => t["Must be a whole number without quotes or commas, at most {0}.", limit],
            _ when plain == typeof(decimal) || plain == typeof(double) || plain == typeof(float) => t["Must be a number without quotes or commas, like 1234567.5."],
            _ when plain == typeof(bool) => t["Must be true or false, without quotes."],
            _ when plain == typeof(Guid) => t["Must be an id like 3fa85f64-5717-4562-b3fc-2c963f66afa6."],
            _ when plain == typeof(DateOnly) || plain == typeof(DateTime) || plain == typeof(DateTimeOffset) => t["Must be a date like 2025-03-31."],
            _ when plain == typeof(string) => t["Must be text in double quotes."],
            _ => Kind(plain) switch
            {
                JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => t["Must be a JSON object in curly brackets { }."],
                JsonTypeInfoKind.Enumerable => t["Must be a list in square brackets [ ]."],
                _ => t["This value is not of the right kind."],
            },
        };
    }

    private static string? WholeNumberLimit(Type type) =>
        type == typeof(int) ? int.MaxValue.ToString(CultureInfo.InvariantCulture)
        : type == typeof(long) ? long.MaxValue.ToString(CultureInfo.InvariantCulture)
        : type == typeof(short) ? short.MaxValue.ToString(CultureInfo.InvariantCulture)
        : type == typeof(byte) ? byte.MaxValue.ToString(CultureInfo.InvariantCulture)
        : null;

    private JsonTypeInfoKind? Kind(Type type) => Info(type)?.Kind;

    private JsonTypeInfo? Info(Type type)
    {
        try
        {
            return json.Value.SerializerOptions.GetTypeInfo(type);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    private HttpValidationProblemDetails Invalid(string field, string message) =>
        ApiProblems.Fields(StatusCodes.Status400BadRequest, t["The request could not be read."], new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    [GeneratedRegex("\"(?:[^\"]*\\s)?(?<name>[^\"\\s]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterPattern();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentPattern();
}
