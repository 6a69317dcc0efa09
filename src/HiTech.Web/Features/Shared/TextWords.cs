namespace HiTech.Web.Features.Shared;

/// <summary>
/// The words for <see cref="TextRules"/>' problems, in the user's language, the same for every field of every
/// feature: the message sits next to the field, so it need not name it.
/// </summary>
public static class TextWords
{
    /// <summary>The message for <paramref name="problem"/> (never <see cref="TextProblem.None"/>).</summary>
    public static string Say(TextProblem problem, IStringLocalizer<SharedResource> t) => problem switch
    {
        TextProblem.ControlCharacter => t["This contains an invisible control character. Type it again instead of pasting it."],
        TextProblem.HiddenCharacter => t["This contains a hidden character that can change how the text reads, such as a right-to-left override. Type it again instead of pasting it."],
        TextProblem.NothingVisible => t["Enter letters or numbers, not only spaces or invisible characters"],
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "Only a problem has words."),
    };

    /// <summary>
    /// The text checked by <see cref="TextRules.Check"/>: the value to store, or null after adding the message to
    /// <paramref name="errors"/> under <paramref name="field"/> (unless that field has a message already).
    /// </summary>
    public static string? Checked(IDictionary<string, string[]> errors, string field, string? value, IStringLocalizer<SharedResource> t, bool multiline = false)
    {
        var check = TextRules.Check(value, multiline);
        if (check.IsOk)
        {
            return check.Value;
        }

        errors.TryAdd(field, [Say(check.Problem, t)]);
        return null;
    }
}
