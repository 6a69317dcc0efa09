using System.Security.Cryptography;

namespace HiTech.Web.Features.Certificates;

/// <summary>
/// Certificate ids: 16 random bytes (128 bits, unguessable) written in RFC 4648 base32 without padding, 26
/// characters of A-Z and 2-7, easy to read out and type. Typed ids are forgiving of case, spaces and dashes.
/// </summary>
public static class CertificateIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public const int Length = 26;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Base32(bytes);
    }

    /// <summary>The id as stored, or null when the text cannot be a certificate id.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 64)
        {
            return null;
        }

        var id = string.Concat(typed.Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();
        return id.Length == Length && id.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? id : null;
    }

    /// <summary>RFC 4648 base32 (A-Z, 2-7) without padding.</summary>
    public static string Base32(ReadOnlySpan<byte> bytes)
    {
        var output = new char[((bytes.Length * 8) + 4) / 5];
        var buffer = 0;
        var bits = 0;
        var index = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                output[index++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            output[index++] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        return new string(output, 0, index);
    }
}
