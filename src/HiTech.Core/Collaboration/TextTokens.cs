using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using HiTech.Core.Reference;

namespace HiTech.Core.Collaboration;

/// <summary>
/// Splits English and Malayalam text into the words the in-memory relevance compares: runs of letters, digits and
/// combining marks (Malayalam vowel signs and virama are marks; joiners stay inside a word), folded as district names
/// are (lower case; both encodings of chillu letters and split vowel signs made one), without one-letter words and a
/// few function words. The result is distinct and in ordinal order.
/// </summary>
public static class TextTokens
{
    /// <summary>A need word this long or longer also matches provider words that start with it ("test" finds "testing").</summary>
    public const int PrefixFrom = 4;

    private const int MaxWord = 64;

    private static readonly FrozenSet<string> Stopwords = FrozenSet.ToFrozenSet(
    [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or", "our", "the",
        "this", "that", "to", "we", "with", "need", "needs", "looking", "want", "ഒരു", "ഈ", "ആ", "ഞങ്ങൾ", "ഞങ്ങൾക്ക്", "വേണം",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> FoldedStopwords = FrozenSet.ToFrozenSet(Stopwords.Select(DistrictKey.Fold), StringComparer.Ordinal);

    public static ImmutableArray<string> Of(string? text) => [.. Spellings(text).Keys.Order(StringComparer.Ordinal)];

    /// <summary>Each word of the text, folded, with the first spelling it was written in; in the order of the text.</summary>
    public static IReadOnlyDictionary<string, string> Spellings(string? text)
    {
        var words = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        var normal = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        Span<char> buffer = stackalloc char[MaxWord * 2];
        var start = -1;
        for (var i = 0; i <= normal.Length; i++)
        {
            var inWord = i < normal.Length && InWord(normal[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var n = i - start <= MaxWord ? DistrictKey.Fold(normal.AsSpan(start, i - start), buffer) : -1;
                if (n > 1)
                {
                    var word = new string(buffer[..n]);
                    if (!FoldedStopwords.Contains(word))
                    {
                        words.TryAdd(word, normal[start..i]);
                    }
                }

                start = -1;
            }
        }

        return words;
    }

    /// <summary>Whether a provider word answers a need word: equal, or starting with it when the need word is long enough.</summary>
    public static bool Answers(string providerWord, string needWord) =>
        needWord.Length >= PrefixFrom ? providerWord.StartsWith(needWord, StringComparison.Ordinal) : string.Equals(providerWord, needWord, StringComparison.Ordinal);

    private static bool InWord(char c) => c is '\u200C' or '\u200D' || char.GetUnicodeCategory(c) is
        UnicodeCategory.UppercaseLetter or
        UnicodeCategory.LowercaseLetter or
        UnicodeCategory.TitlecaseLetter or
        UnicodeCategory.OtherLetter or
        UnicodeCategory.DecimalDigitNumber or
        UnicodeCategory.NonSpacingMark or
        UnicodeCategory.SpacingCombiningMark;
}
