namespace HiTech.Core.Collaboration;

/// <summary>The rule a provider or need field breaks.</summary>
public enum ProfileRule
{
    /// <summary>The row could not be read at all; <see cref="ProfileProblem.Text"/> says why (from the CSV reader).</summary>
    Unreadable,
    Required,
    TooLong,
    RepeatedId,
    UnknownKind,
    UnknownDistrict,
    UnknownStage,
    UnknownCertification,
    UnknownTechnology,
    NotANicCode,
    UnknownNicCode,
    NotADate,
    NotBoolean,
    NotANumber,
    NotALanguage,

    /// <summary>A website that is not an http(s) address.</summary>
    NotAWebsite,

    /// <summary>A text longer than its field holds; <see cref="ProfileProblem.Text"/> is the limit in characters.</summary>
    TextTooLong,

    /// <summary>A returning professional in a department list: individuals register themselves, with their consent (DPDP Act 2023).</summary>
    ProfessionalNotImported,
}

/// <summary>
/// Why a provider or need row is refused, as data: the column, the rule and the value given (shortened). Hosts word
/// it in their user's language, as for <see cref="Scoring.ValueProblem"/>.
/// </summary>
public readonly record struct ProfileProblem(string Field, ProfileRule Rule, string? Text = null);

/// <summary>One data row read: the value, or why it was refused; <see cref="Id"/> is the row's id as given (may be empty).</summary>
public sealed record RowResult<T>(long Line, string Id, T? Value, ProfileProblem? Problem)
    where T : class;
