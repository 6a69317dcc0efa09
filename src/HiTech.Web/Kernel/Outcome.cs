namespace HiTech.Web.Kernel;

/// <summary>How a use case ended. Every handler answers with an <see cref="Outcome{T}"/> of one of these.</summary>
public enum OutcomeKind
{
    /// <summary>Done; the value is the answer.</summary>
    Ok,

    /// <summary>Refused: a message per field, in the user's language (400).</summary>
    Invalid,

    /// <summary>Not there, or not this user's to see: 404, never a hint that it exists.</summary>
    NotFound,

    /// <summary>The user's role may not do this, or may read the thing but not change it (403).</summary>
    Forbidden,

    /// <summary>In conflict with what is saved: a stale version, a state that does not allow it, or a duplicate (409).</summary>
    Conflict,
}

/// <summary>
/// The one answer type of every use case: success with a value, or why not. Messages are already in the user's
/// language; field keys are the API's JSON field names (pages map them onto their form fields). Mapped once to
/// HTTP (<see cref="OutcomeResults"/>) and once to pages (<see cref="OutcomePages"/>).
/// </summary>
public sealed record Outcome<T>
{
    internal Outcome(OutcomeKind kind, T? value, IReadOnlyDictionary<string, string[]> errors, string? message)
    {
        Kind = kind;
        Value = value;
        Errors = errors;
        Message = message;
    }

    public OutcomeKind Kind { get; }

    /// <summary>The answer when <see cref="OutcomeKind.Ok"/>; on a conflict, optionally what is saved now.</summary>
    public T? Value { get; }

    /// <summary>Messages per field, in the order the fields appear.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>What went wrong as a whole (the problem's title), or null for the status's default words.</summary>
    public string? Message { get; }

    /// <summary>On a stale-version conflict: the version saved now, which the caller should read again.</summary>
    public int? CurrentVersion { get; init; }

    /// <summary>On a stale-version conflict: when the saved version was saved.</summary>
    public DateTimeOffset? SavedAt { get; init; }

    /// <summary>Extra members of the API's problem (for example the id of the thing that already exists).</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = Outcome.NoExtensions;

    public bool IsOk => Kind == OutcomeKind.Ok;

    /// <summary>The same refusal, for a use case that answers with another type (the value is not carried over).</summary>
    public Outcome<TOther> As<TOther>() =>
        IsOk
            ? throw new InvalidOperationException("Only a refusal can be passed on as another outcome type.")
            : new(Kind, default, Errors, Message) { CurrentVersion = CurrentVersion, SavedAt = SavedAt, Extensions = Extensions };
}

/// <summary>Builds <see cref="Outcome{T}"/> values.</summary>
public static class Outcome
{
    internal static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();
    internal static readonly IReadOnlyDictionary<string, object?> NoExtensions = new Dictionary<string, object?>();

    public static Outcome<T> Ok<T>(T value) => new(OutcomeKind.Ok, value, NoErrors, null);

    public static Outcome<T> Invalid<T>(IReadOnlyDictionary<string, string[]> errors, string? title = null) => new(OutcomeKind.Invalid, default, errors, title);

    public static Outcome<T> Invalid<T>(string field, string message) => Invalid<T>(new Dictionary<string, string[]> { [field] = [message] });

    public static Outcome<T> NotFound<T>(string? message = null) => new(OutcomeKind.NotFound, default, NoErrors, message);

    public static Outcome<T> Forbidden<T>(string? message = null) => new(OutcomeKind.Forbidden, default, NoErrors, message);

    /// <summary>A conflict: <paramref name="current"/> is what is saved now, when the caller may show it.</summary>
    public static Outcome<T> Conflict<T>(string message, T? current = default, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(OutcomeKind.Conflict, current, errors ?? NoErrors, message);

    /// <summary>Someone saved after the caller read: nothing was changed; read version <paramref name="currentVersion"/> again.</summary>
    public static Outcome<T> Stale<T>(string message, int currentVersion, DateTimeOffset? savedAt = null) =>
        new(OutcomeKind.Conflict, default, NoErrors, message) { CurrentVersion = currentVersion, SavedAt = savedAt };

    /// <summary>A refusal of the kind the access policy decided (<see cref="OutcomeKind.NotFound"/> or <see cref="OutcomeKind.Forbidden"/>).</summary>
    public static Outcome<T> Refused<T>(OutcomeKind kind, string? message = null) => kind switch
    {
        OutcomeKind.Forbidden => Forbidden<T>(message),
        OutcomeKind.NotFound => NotFound<T>(message),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only NotFound or Forbidden is a refusal."),
    };
}
