namespace HiTech.Core.Identifiers;

/// <summary>
/// The Udyam registration number of an MSME: UDYAM-SS-DD-NNNNNNN (state letters, district digits, serial).
/// Only the format can be checked offline; the number itself is verified against the Udyam portal by an assessor.
/// </summary>
public static class UdyamNumber
{
    /// <summary>Null when the format is right, else the reason in plain words.</summary>
    public static string? Check(string? text)
    {
        var value = Normalise(text);
        var parts = value.Split('-');
        if (parts.Length != 4 || parts[0] != "UDYAM")
        {
            return "A Udyam registration number looks like UDYAM-KL-08-0012345.";
        }

        if (parts[1].Length != 2 || !parts[1].All(char.IsAsciiLetterUpper))
        {
            return "The second part of a Udyam number is the 2-letter state code, KL for Kerala.";
        }

        if (parts[2].Length != 2 || !parts[2].All(char.IsAsciiDigit))
        {
            return "The third part of a Udyam number is the 2-digit district code.";
        }

        if (parts[3].Length != 7 || !parts[3].All(char.IsAsciiDigit))
        {
            return "The last part of a Udyam number has 7 digits.";
        }

        return null;
    }

    /// <summary>Kerala's state letters in a Udyam number.</summary>
    public const string KeralaStateCode = "KL";

    /// <summary>The state letters of a well-formed Udyam number (KL for Kerala).</summary>
    public static string StateCode(string? text) => Normalise(text).Split('-') is { Length: 4 } parts ? parts[1] : "";

    public static string Normalise(string? text) => (text ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}
