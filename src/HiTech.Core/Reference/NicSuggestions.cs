using System.Globalization;

namespace HiTech.Core.Reference;

/// <summary>
/// Suggestions for a code that is not in the list: first codes that share the longest prefix with it
/// (same length and numerically closest first), then codes one digit away (one changed or two swapped),
/// keeping room for both kinds.
/// </summary>
internal static class NicSuggestions
{
    public static IReadOnlyList<NicEntry> Near(NicCatalog catalog, string? code, int max)
    {
        if (max <= 0 || string.IsNullOrWhiteSpace(code))
        {
            return [];
        }

        var typed = code.Trim().Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (typed.Length == 0 || !typed.Any(char.IsAsciiDigit))
        {
            return [];
        }

        var candidates = catalog.Entries.Where(e => e.Level != NicLevel.Section && !string.Equals(e.Code, typed, StringComparison.Ordinal)).ToList();
        var best = candidates.Count == 0 ? 0 : candidates.Max(e => CommonPrefix(e.Code, typed));
        var typedNumber = ReferenceCsv.IsDigits(typed) && typed.Length <= 18 ? long.Parse(typed, CultureInfo.InvariantCulture) : -1;
        var samePrefix = best == 0
            ? []
            : candidates
                .Where(e => CommonPrefix(e.Code, typed) == best)
                .OrderBy(e => e.Code.Length == typed.Length ? 0 : 1)
                .ThenBy(e => Math.Abs(e.Code.Length - typed.Length))
                .ThenBy(e => typedNumber < 0 || e.Code.Length != typed.Length ? 0 : Math.Abs(long.Parse(e.Code, CultureInfo.InvariantCulture) - typedNumber))
                .ThenBy(e => e.Code, StringComparer.Ordinal)
                .ToList();
        var taken = samePrefix.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        var oneAway = candidates.Where(e => IsOneDigitAway(e.Code, typed) && !taken.Contains(e.Code)).ToList();

        // Leave up to half the slots for one-digit-away codes so a typo in an early digit still shows.
        var reserved = Math.Min(oneAway.Count, max / 2);
        var result = samePrefix.Take(max - reserved).ToList();
        result.AddRange(oneAway.Take(max - result.Count));
        result.AddRange(samePrefix.Skip(max - reserved).Take(max - result.Count));
        return result;
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    private static bool IsOneDigitAway(string candidate, string typed)
    {
        if (candidate.Length != typed.Length)
        {
            return false;
        }

        var first = -1;
        var differences = 0;
        for (var i = 0; i < typed.Length; i++)
        {
            if (candidate[i] != typed[i])
            {
                if (++differences == 1)
                {
                    first = i;
                }
                else if (differences > 2)
                {
                    return false;
                }
            }
        }

        // One digit changed, or two neighbouring digits swapped.
        return differences == 1
            || (differences == 2 && first + 1 < typed.Length && candidate[first] == typed[first + 1] && candidate[first + 1] == typed[first]);
    }
}
