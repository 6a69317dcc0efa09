using System.Globalization;
using System.Text;

namespace HiTech.Web.Kernel;

/// <summary>What is wrong with a piece of text someone typed; each feature words it in the user's language.</summary>
public enum TextProblem
{
    /// <summary>Nothing: the text may be stored.</summary>
    None,

    /// <summary>A control character (NUL, ESC, DEL, C1 codes; in a one-line field also a line break or tab).</summary>
    ControlCharacter,

    /// <summary>A character that hides text or changes its direction (U+202E and the other bidi controls, zero-width spaces, tags).</summary>
    HiddenCharacter,

    /// <summary>Only invisible characters, such as zero-width joiners, with nothing anyone can read.</summary>
    NothingVisible,
}

/// <summary>A checked text: the value to store (trimmed, NFC, line breaks as \n) or why not.</summary>
public readonly record struct TextCheck(string Value, TextProblem Problem)
{
    public bool IsOk => Problem == TextProblem.None;
}

/// <summary>
/// The one rule for every text a person types (names, addresses, comments, reasons), written once. The text is
/// trimmed and normalised to NFC; refused are control characters (a multi-line field allows line breaks and tabs),
/// format characters that hide text or turn it around (bidi overrides, embeddings, isolates and marks, zero-width
/// spaces, soft hyphens, tags), and text with no visible character. The zero-width joiner and non-joiner
/// (U+200D, U+200C) stay: Malayalam needs them inside words (ന്‍, chillu forms), and they are harmless next to letters.
/// Emptiness is the caller's business: an empty text passes, so each field keeps its own "enter the name" message.
/// </summary>
public static class TextRules
{
    private const char ZeroWidthNonJoiner = '\u200C';
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>Checks <paramref name="value"/>; a null value is an empty one.</summary>
    public static TextCheck Check(string? value, bool multiline = false)
    {
        var text = (value ?? "").Trim();
        if (multiline)
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        // Nothing visible is said first: "only invisible characters" is what a name of zero-width spaces is.
        var (visible, problem) = (false, TextProblem.None);
        for (var i = 0; i < text.Length; i++)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length) != System.Buffers.OperationStatus.Done)
            {
                // A lone surrogate is not a character at all.
                problem = problem == TextProblem.None ? TextProblem.HiddenCharacter : problem;
                continue;
            }

            i += length - 1;
            visible |= IsVisible(rune);
            problem = problem == TextProblem.None ? Classify(rune, multiline) : problem;
        }

        return text.Length > 0 && !visible ? new(text, TextProblem.NothingVisible)
            : problem != TextProblem.None ? new(text, problem)
            : new(text.Normalize(NormalizationForm.FormC), TextProblem.None);
    }

    /// <summary>
    /// A name to show for something that must be kept whatever its name (an uploaded file): what <see cref="Check"/>
    /// would refuse is left out instead, and the rest is trimmed and in NFC. Empty when nothing visible is left.
    /// </summary>
    public static string Clean(string? value)
    {
        var kept = new StringBuilder((value ?? "").Length);
        var text = value ?? "";
        for (var i = 0; i < text.Length; i++)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length) != System.Buffers.OperationStatus.Done)
            {
                continue;
            }

            i += length - 1;
            if (Classify(rune, multiline: false) == TextProblem.None)
            {
                kept.Append(rune.ToString());
            }
        }

        var check = Check(kept.ToString());
        return check.IsOk ? check.Value : "";
    }

    /// <summary>The problem one character makes on its own, if any.</summary>
    private static TextProblem Classify(Rune rune, bool multiline)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category == UnicodeCategory.Control)
        {
            return multiline && rune.Value is '\n' or '\t' ? TextProblem.None : TextProblem.ControlCharacter;
        }

        if (category is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
        {
            return multiline ? TextProblem.None : TextProblem.ControlCharacter;
        }

        if (category == UnicodeCategory.Format)
        {
            return rune.Value is ZeroWidthJoiner or ZeroWidthNonJoiner ? TextProblem.None : TextProblem.HiddenCharacter;
        }

        return TextProblem.None;
    }

    /// <summary>Whether a character shows something: not a space, a joiner, a mark on its own or one of the letters that draw nothing.</summary>
    private static bool IsVisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark => false,
            _ => rune.Value is not (0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800),
        };
}
