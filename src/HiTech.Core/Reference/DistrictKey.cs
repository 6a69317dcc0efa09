namespace HiTech.Core.Reference;

/// <summary>
/// Folds a district name to a comparison key: letters and digits only, lower-case, with Malayalam written
/// one canonical way (atomic chillu letters spelt as consonant + virama, joiners dropped, split vowel signs
/// decomposed), so "  ernakulam ", "Ernakulam." and both encodings of തൃശ്ശൂർ meet.
/// </summary>
internal static class DistrictKey
{
    public const int MaxLength = 128;

    /// <summary>Writes the key into <paramref name="buffer"/>; returns its length, or -1 if it does not fit.</summary>
    public static int Fold(ReadOnlySpan<char> text, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in text)
        {
            ReadOnlySpan<char> folded = c switch
            {
                '\u0D7A' => "\u0D23\u0D4D", // chillu nn
                '\u0D7B' => "\u0D28\u0D4D", // chillu n
                '\u0D7C' => "\u0D30\u0D4D", // chillu rr
                '\u0D7D' => "\u0D32\u0D4D", // chillu l
                '\u0D7E' => "\u0D33\u0D4D", // chillu ll
                '\u0D7F' => "\u0D15\u0D4D", // chillu k
                '\u0D4A' => "\u0D46\u0D3E", // o = e + aa
                '\u0D4B' => "\u0D47\u0D3E", // oo = ee + aa
                '\u0D4C' => "\u0D46\u0D57", // au = e + au length mark
                _ => default,
            };
            if (folded.IsEmpty)
            {
                if (!Keeps(c))
                {
                    continue;
                }

                if (n == buffer.Length)
                {
                    return -1;
                }

                buffer[n++] = char.ToLowerInvariant(c);
                continue;
            }

            if (n + folded.Length > buffer.Length)
            {
                return -1;
            }

            folded.CopyTo(buffer[n..]);
            n += folded.Length;
        }

        return n;
    }

    public static string Fold(string text)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        var n = Fold(text, buffer);
        return n < 0 ? throw new ArgumentException($"District names longer than {MaxLength} characters are not supported.", nameof(text)) : new string(buffer[..n]);
    }

    // Letters, digits and combining marks (Malayalam vowel signs and virama are marks); joiners, spaces and punctuation go.
    private static bool Keeps(char c) => char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.UppercaseLetter or
        System.Globalization.UnicodeCategory.LowercaseLetter or
        System.Globalization.UnicodeCategory.TitlecaseLetter or
        System.Globalization.UnicodeCategory.OtherLetter or
        System.Globalization.UnicodeCategory.DecimalDigitNumber or
        System.Globalization.UnicodeCategory.NonSpacingMark or
        System.Globalization.UnicodeCategory.SpacingCombiningMark;
}
