namespace HiTech.Core.Identifiers;

/// <summary>
/// India's Goods and Services Tax Identification Number: 15 characters, state code (2 digits), PAN
/// (5 letters, 4 digits, 1 letter), entity number (1-9 or A-Z), 'Z', and a base-36 check character.
/// </summary>
public static class Gstin
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Kerala's GST state code.</summary>
    public const string KeralaStateCode = "32";

    /// <summary>Null when valid, else the reason in plain words.</summary>
    public static string? Check(string? text)
    {
        var value = Normalise(text);
        if (value.Length != 15)
        {
            return "A GSTIN has 15 characters.";
        }

        if (!char.IsAsciiDigit(value[0]) || !char.IsAsciiDigit(value[1]) || value[..2] is "00")
        {
            return "A GSTIN starts with the 2-digit state code (32 for Kerala).";
        }

        for (var i = 2; i < 12; i++)
        {
            var expectLetter = i is < 7 or 11;
            if (expectLetter ? !char.IsAsciiLetterUpper(value[i]) : !char.IsAsciiDigit(value[i]))
            {
                return "Characters 3 to 12 of a GSTIN are the PAN: 5 letters, 4 digits, 1 letter.";
            }
        }

        if (value[12] == '0' || Alphabet.IndexOf(value[12], StringComparison.Ordinal) < 0)
        {
            return "Character 13 of a GSTIN is the entity number, 1-9 or A-Z.";
        }

        if (value[13] != 'Z')
        {
            return "Character 14 of a GSTIN is the letter Z.";
        }

        return value[14] == CheckCharacter(value.AsSpan(0, 14)) ? null : "The last character of this GSTIN does not match its check digit; please check for a typing mistake.";
    }

    /// <summary>The state code of a well-formed GSTIN: its first two digits (32 for Kerala).</summary>
    public static string StateCode(string? text) => Normalise(text) is { Length: >= 2 } value ? value[..2] : "";

    public static string Normalise(string? text) => (text ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>The GSTN check character over the first 14 characters (weights alternate 1 and 2, base 36).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first14)
    {
        var sum = 0;
        for (var i = 0; i < 14; i++)
        {
            var product = Alphabet.IndexOf(first14[i]) * (i % 2 == 0 ? 1 : 2);
            sum += (product / 36) + (product % 36);
        }

        return Alphabet[(36 - (sum % 36)) % 36];
    }
}
