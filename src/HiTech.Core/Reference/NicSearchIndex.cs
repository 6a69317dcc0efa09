namespace HiTech.Core.Reference;

/// <summary>Title and code search over the catalog; titles are lower-cased once so queries only compare ordinally.</summary>
internal sealed class NicSearchIndex
{
    // Everything that is not a letter or digit separates words in a query.
    private static readonly char[] Separators = [.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !char.IsAsciiLetterOrDigit(c))];

    private readonly NicEntry[] _entries;
    private readonly string[] _titles;

    public NicSearchIndex(NicEntry[] entries)
    {
        _entries = entries;
        _titles = [.. entries.Select(e => e.Title.ToLowerInvariant())];
    }

    public IReadOnlyList<NicEntry> Search(string? query, int max)
    {
        if (max <= 0 || string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var compact = query.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return ReferenceCsv.IsDigits(compact) ? ByCodePrefix(compact, max) : ByWords(query, max);
    }

    private List<NicEntry> ByCodePrefix(string digits, int max) =>
        [.. _entries
            .Where(e => e.Level != NicLevel.Section && e.Code.StartsWith(digits, StringComparison.Ordinal))
            .OrderBy(e => e.Code.Length)
            .ThenBy(e => e.Code, StringComparer.Ordinal)
            .Take(max)];

    private List<NicEntry> ByWords(string query, int max)
    {
        var words = query.ToLowerInvariant()
            .Split(Separators, StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (words.Length == 0)
        {
            return [];
        }

        var hits = new List<(int Tier, NicEntry Entry)>();
        for (var i = 0; i < _entries.Length; i++)
        {
            var title = _titles[i];
            var allWhole = true;
            var all = true;
            foreach (var word in words)
            {
                if (title.Contains(word, StringComparison.Ordinal))
                {
                    allWhole &= HasWholeWord(title, word);
                }
                else
                {
                    all = false;
                    break;
                }
            }

            if (!all)
            {
                continue;
            }

            var startsWithFirst = title.StartsWith(words[0], StringComparison.Ordinal) && IsBoundary(title, words[0].Length);
            hits.Add((startsWithFirst && allWhole ? 0 : allWhole ? 1 : 2, _entries[i]));
        }

        return [.. hits
            .OrderBy(h => h.Tier)
            .ThenBy(h => h.Entry.Code.Length)
            .ThenBy(h => h.Entry.Code, StringComparer.Ordinal)
            .Take(max)
            .Select(h => h.Entry)];
    }

    private static bool HasWholeWord(string title, string word)
    {
        for (var at = title.IndexOf(word, StringComparison.Ordinal); at >= 0; at = title.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            if (IsBoundary(title, at - 1) && IsBoundary(title, at + word.Length))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBoundary(string text, int index) =>
        index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);
}
