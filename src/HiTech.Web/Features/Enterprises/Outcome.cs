namespace HiTech.Web.Features.Enterprises;

public enum OutcomeStatus
{
    /// <summary>Done; the value is what is saved now.</summary>
    Ok,

    /// <summary>Refused: a message per field (keys are the API's camelCase field names).</summary>
    Invalid,

    /// <summary>No such thing, or not this user's: the caller answers 404 and gives no hint it exists.</summary>
    NotFound,

    /// <summary>The user may see it but not do this.</summary>
    Forbidden,

    /// <summary>In conflict with what is saved: a stale version (the value is what is saved now) or a duplicate (field errors).</summary>
    Conflict,
}

/// <summary>What a handler did, for a page or an endpoint to turn into a response.</summary>
public sealed record Outcome<T>(OutcomeStatus Status, T? Value, IReadOnlyDictionary<string, string> Errors, string? Message)
{
    public bool IsOk => Status == OutcomeStatus.Ok;
}

/// <summary>Builds <see cref="Outcome{T}"/> values.</summary>
public static class Outcome
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public static Outcome<T> Ok<T>(T value) => new(OutcomeStatus.Ok, value, NoErrors, null);

    public static Outcome<T> Invalid<T>(IReadOnlyDictionary<string, string> errors) => new(OutcomeStatus.Invalid, default, errors, null);

    public static Outcome<T> NotFound<T>() => new(OutcomeStatus.NotFound, default, NoErrors, null);

    public static Outcome<T> Forbidden<T>() => new(OutcomeStatus.Forbidden, default, NoErrors, null);

    public static Outcome<T> Conflict<T>(string message, T? current = default, IReadOnlyDictionary<string, string>? errors = null) =>
        new(OutcomeStatus.Conflict, current, errors ?? NoErrors, message);
}
