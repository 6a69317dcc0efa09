using System.Globalization;

namespace HiTech.Web.Features.Reviews;

/// <summary>A message for a field: an English text (the localisation key) and its arguments.</summary>
public sealed record ReviewMessage(string Key, params object[] Args)
{
    public string English => Args.Length == 0 ? Key : string.Format(CultureInfo.InvariantCulture, Key, Args);
}

/// <summary>
/// What a review action came to. Errors are keyed by the API's JSON field names (decision, value, reason,
/// version, comments, inputs); pages map them onto their form fields.
/// </summary>
public sealed record ReviewOutcome(ReviewResult Result, IReadOnlyDictionary<string, ReviewMessage> Errors, int Version, DateTimeOffset? SavedAt = null, string? CertificateId = null)
{
    private static readonly Dictionary<string, ReviewMessage> None = [];

    public static ReviewOutcome Done(int version, string? certificateId = null) => new(ReviewResult.Done, None, version, null, certificateId);

    public static ReviewOutcome NotFound() => new(ReviewResult.NotFound, None, 0);

    public static ReviewOutcome NotOpen(int version) => new(ReviewResult.NotOpen, None, version);

    public static ReviewOutcome Conflict(int version, DateTimeOffset savedAt) => new(ReviewResult.Conflict, None, version, savedAt);

    public static ReviewOutcome Invalid(int version, Dictionary<string, ReviewMessage> errors) => new(ReviewResult.Invalid, errors, version);
}

public enum ReviewResult
{
    Done,

    /// <summary>Not there, or not this assessor's to see: 404.</summary>
    NotFound,

    /// <summary>No longer waiting for review (already approved or returned): nothing changed.</summary>
    NotOpen,

    /// <summary>Someone saved the assessment after the caller read it: nothing changed.</summary>
    Conflict,

    Invalid,
}
