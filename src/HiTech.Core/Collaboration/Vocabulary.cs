using System.Collections.Immutable;
using HiTech.Core.Reference;

namespace HiTech.Core.Collaboration;

/// <summary>One entry of a vocabulary kept as data: a stable id and its English and Malayalam names.</summary>
public sealed record VocabularyTerm(string Id, string Name, string NameMl);

/// <summary>
/// A short list of ids kept as data (provider kinds, Industry 4.0 technologies), in file order. At most 64 terms,
/// so that a set of them fits one bit mask in the matching engine.
/// </summary>
public sealed class Vocabulary
{
    public const int MaxTerms = 64;

    private readonly Dictionary<string, int> _index;

    private Vocabulary(ImmutableArray<VocabularyTerm> terms)
    {
        Terms = terms;
        _index = terms.Select((t, i) => (t.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
    }

    public ImmutableArray<VocabularyTerm> Terms { get; }

    /// <summary>The position of an id, or -1; ids are matched exactly after trimming, ignoring case.</summary>
    public int IndexOf(ReadOnlySpan<char> id)
    {
        Span<char> lower = stackalloc char[Math.Min(id.Length, 64)];
        var trimmed = id.Trim();
        if (trimmed.Length > lower.Length)
        {
            return -1;
        }

        trimmed.ToLowerInvariant(lower);
        return _index.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(lower[..trimmed.Length], out var index) ? index : -1;
    }

    /// <summary>A vocabulary from plain ids (a framework domain's values).</summary>
    public static Vocabulary Of(IEnumerable<string> ids) => new([.. ids.Select(id => new VocabularyTerm(id, id, id))]);

    /// <summary>Reads <c>id,name,name_ml</c> (other columns are ignored); ids are kebab-case, unique, at most <see cref="MaxTerms"/>.</summary>
    public static Vocabulary Load(TextReader csv, string source)
    {
        var terms = ImmutableArray.CreateBuilder<VocabularyTerm>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in ReferenceCsv.Read(csv, source, "id", "name", "name_ml"))
        {
            var id = ReferenceCsv.Text(record, 0, "id", source);
            if (!id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                throw new ReferenceDataException(source, record.Line, "id", $"'{id}' is not a kebab-case id");
            }

            if (!seen.TryAdd(id, record.Line))
            {
                throw new ReferenceDataException(source, record.Line, "id", $"'{id}' is already given on line {seen[id]}");
            }

            terms.Add(new VocabularyTerm(id, ReferenceCsv.Text(record, 1, "name", source), ReferenceCsv.Text(record, 2, "name_ml", source)));
        }

        if (terms.Count > MaxTerms)
        {
            throw new ReferenceDataException(source, 0, "id", $"at most {MaxTerms} entries are supported, not {terms.Count}");
        }

        return new Vocabulary(terms.ToImmutable());
    }
}
