using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace HiTech.Core.Reference;

/// <summary>Kerala's districts (data/reference/districts.csv), resolving the many spellings people type to one district.</summary>
public sealed class DistrictDirectory
{
    private const string DistrictSuffix = "district";

    private readonly District[] _districts;
    private readonly Dictionary<string, District>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Every name exactly as the reference file writes it: a registry mostly repeats these, and matching one needs no folding.</summary>
    private readonly Dictionary<string, District>.AlternateLookup<ReadOnlySpan<char>> _asWritten;

    private DistrictDirectory(District[] districts, Dictionary<string, District> byKey, Dictionary<string, District> byName)
    {
        _districts = districts;
        _lookup = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        _asWritten = byName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<District> All => _districts;

    public static DistrictDirectory Load(TextReader csv, string source)
    {
        var records = ReferenceCsv.Read(csv, source, "id", "name", "name_ml", "variants");
        var districts = new List<District>(records.Count);
        var byKey = new Dictionary<string, District>(StringComparer.Ordinal);
        var keyLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var byName = new Dictionary<string, District>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var district = new District(
                ReferenceCsv.Text(record, 0, "id", source),
                ReferenceCsv.Text(record, 1, "name", source),
                ReferenceCsv.Text(record, 2, "name_ml", source),
                [.. ReferenceCsv.SplitList(record[3])]);
            if (!district.Id.All(c => char.IsAsciiLetterLower(c) || c == '-'))
            {
                throw new ReferenceDataException(source, record.Line, "id", $"'{district.Id}' is not a kebab-case id");
            }

            foreach (var (field, name) in Names(district))
            {
                var key = DistrictKey.Fold(name);
                if (key.Length == 0)
                {
                    throw new ReferenceDataException(source, record.Line, field, $"'{name}' has no letters to match on");
                }

                if (byKey.TryGetValue(key, out var other) && other.Id != district.Id)
                {
                    throw new ReferenceDataException(source, record.Line, field, string.Create(CultureInfo.InvariantCulture, $"'{name}' already names {other.Id} (line {keyLine[key]})"));
                }

                byKey[key] = district;
                keyLine.TryAdd(key, record.Line);
                byName[name] = district; // its key folds to this district, so the shortcut agrees with the folded lookup
            }

            districts.Add(district);
        }

        return new DistrictDirectory([.. districts], byKey, byName);
    }

    /// <summary>
    /// Matches a name, id, Malayalam name or known variant, ignoring case, spaces and punctuation
    /// (and a trailing "district"). Allocation-free for inputs up to 128 characters.
    /// </summary>
    public bool TryResolve(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out District district)
    {
        if (_asWritten.TryGetValue(text, out district))
        {
            return true;
        }

        Span<char> buffer = stackalloc char[DistrictKey.MaxLength];
        var n = DistrictKey.Fold(text, buffer);
        if (n > 0)
        {
            var key = buffer[..n];
            if (_lookup.TryGetValue(key, out district))
            {
                return true;
            }

            if (key.EndsWith(DistrictSuffix, StringComparison.Ordinal) && n > DistrictSuffix.Length
                && _lookup.TryGetValue(key[..^DistrictSuffix.Length], out district))
            {
                return true;
            }
        }

        district = null;
        return false;
    }

    private static IEnumerable<(string Field, string Name)> Names(District d)
    {
        yield return ("id", d.Id);
        yield return ("name", d.Name);
        yield return ("name_ml", d.NameMl);
        foreach (var variant in d.Variants)
        {
            yield return ("variants", variant);
        }
    }
}
