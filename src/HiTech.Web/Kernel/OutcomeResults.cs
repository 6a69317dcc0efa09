using Microsoft.AspNetCore.WebUtilities;

namespace HiTech.Web.Kernel;

/// <summary>
/// The API's one mapping of an <see cref="Outcome{T}"/> to HTTP: success to the given result, anything else to a
/// ProblemDetails (application/problem+json) with the status of its kind, field errors under <c>errors</c>, and
/// <c>currentVersion</c> on a stale version.
/// </summary>
public static class OutcomeResults
{
    public static int StatusCode(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Ok => StatusCodes.Status200OK,
        OutcomeKind.Invalid => StatusCodes.Status400BadRequest,
        OutcomeKind.NotFound => StatusCodes.Status404NotFound,
        OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status409Conflict,
    };

    /// <summary>The problem a refusal answers with.</summary>
    public static ProblemHttpResult Problem<T>(this Outcome<T> outcome)
    {
        if (outcome.IsOk)
        {
            throw new InvalidOperationException("A successful outcome is not a problem.");
        }

        var status = StatusCode(outcome.Kind);
        var details = outcome.Errors.Count > 0
            ? new HttpValidationProblemDetails(outcome.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal))
            : new Microsoft.AspNetCore.Mvc.ProblemDetails();
        details.Status = status;
        details.Title = outcome.Message ?? (outcome.Errors.Count > 0 ? "One or more validation errors occurred." : ReasonPhrases.GetReasonPhrase(status));
        if (outcome.CurrentVersion is { } version)
        {
            details.Extensions["currentVersion"] = version;
        }

        foreach (var (key, value) in outcome.Extensions)
        {
            details.Extensions[key] = value;
        }

        return TypedResults.Problem(details);
    }

    public static Results<Ok<TDto>, ProblemHttpResult> ToOk<T, TDto>(this Outcome<T> outcome, Func<T, TDto> dto) =>
        outcome.IsOk ? TypedResults.Ok(dto(outcome.Value!)) : outcome.Problem();

    public static Results<Created<TDto>, ProblemHttpResult> ToCreated<T, TDto>(this Outcome<T> outcome, Func<T, string> location, Func<T, TDto> dto) =>
        outcome.IsOk ? TypedResults.Created(location(outcome.Value!), dto(outcome.Value!)) : outcome.Problem();

    public static Results<NoContent, ProblemHttpResult> ToNoContent<T>(this Outcome<T> outcome) =>
        outcome.IsOk ? TypedResults.NoContent() : outcome.Problem();
}
