using System.Security.Cryptography;

namespace HiTech.Web.Infrastructure.Security;

/// <summary>The one-time passwords the platform hands out (a staff account made by an admin, the first administrator).</summary>
public static class TemporaryPassword
{
    /// <summary>16 random characters with a capital, a small letter, a digit and a symbol, as the password rules require; no look-alikes (0/O, 1/l).</summary>
    public static string Generate()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        const string symbols = "#@%+=!?";
        var all = upper + lower + digits + symbols;
        var chars = new List<char>
        {
            upper[RandomNumberGenerator.GetInt32(upper.Length)],
            lower[RandomNumberGenerator.GetInt32(lower.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)],
            symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        chars.AddRange(RandomNumberGenerator.GetItems<char>(all, 12));
        var array = chars.ToArray();
        RandomNumberGenerator.Shuffle(array.AsSpan());
        return new string(array);
    }
}
