using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace HiTech.Core.Reference;

/// <summary>The 22 priority sectors (data/reference/priority-sectors.csv) and the NIC-prefix mapping to them.</summary>
public sealed class PrioritySectorCatalog
{
    private readonly PrioritySector[] _sectors;
    private readonly Dictionary<string, PrioritySector> _byId;
    private readonly Dictionary<string, int> _lines;

    private PrioritySectorCatalog(PrioritySector[] sectors, Dictionary<string, int> lines, string source)
    {
        _sectors = sectors;
        _lines = lines;
        Source = source;
        _byId = sectors.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<PrioritySector> All => _sectors;

    /// <summary>Where the sectors were read from, for messages about them.</summary>
    internal string Source { get; }

    public static PrioritySectorCatalog Load(TextReader csv, string source)
    {
        var records = ReferenceCsv.Read(csv, source, "id", "name", "name_ml", "cross_cutting", "nic_prefixes", "note");
        var sectors = new List<PrioritySector>(records.Count);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var id = record[0];
            if (!IsKebabId(id))
            {
                throw new ReferenceDataException(source, record.Line, "id", $"'{id}' is not a kebab-case id (a-z, 0-9 and single hyphens)");
            }

            if (lines.TryGetValue(id, out var earlier))
            {
                throw new ReferenceDataException(source, record.Line, "id", string.Create(CultureInfo.InvariantCulture, $"duplicate id {id}, first on line {earlier}"));
            }

            var crossCutting = record[3] switch
            {
                "true" => true,
                "false" => false,
                _ => throw new ReferenceDataException(source, record.Line, "cross_cutting", $"'{record[3]}' is not true or false"),
            };

            var prefixes = ReferenceCsv.SplitList(record[4]);
            foreach (var prefix in prefixes)
            {
                if (!ReferenceCsv.IsDigits(prefix) || prefix.Length is < 2 or > 5)
                {
                    throw new ReferenceDataException(source, record.Line, "nic_prefixes", $"'{prefix}' is not a 2- to 5-digit NIC prefix");
                }
            }

            if (prefixes.Distinct(StringComparer.Ordinal).Count() != prefixes.Length)
            {
                throw new ReferenceDataException(source, record.Line, "nic_prefixes", "a prefix is listed twice");
            }

            if (prefixes.Length == 0 && !crossCutting)
            {
                throw new ReferenceDataException(source, record.Line, "nic_prefixes", "a sector that is not cross-cutting needs at least one NIC prefix");
            }

            lines.Add(id, record.Line);
            sectors.Add(new PrioritySector(
                id,
                ReferenceCsv.Text(record, 1, "name", source),
                ReferenceCsv.Text(record, 2, "name_ml", source),
                crossCutting,
                [.. prefixes],
                ReferenceCsv.Text(record, 5, "note", source)));
        }

        return new PrioritySectorCatalog([.. sectors], lines, source);
    }

    public bool TryGet(string id, [MaybeNullWhen(false)] out PrioritySector sector) => _byId.TryGetValue(id, out sector);

    /// <summary>Ids of the sectors with a prefix that starts <paramref name="nicCode"/>, in file order.</summary>
    public ImmutableArray<string> SectorsFor(string nicCode)
    {
        ImmutableArray<string>.Builder? found = null;
        foreach (var sector in _sectors)
        {
            foreach (var prefix in sector.NicPrefixes)
            {
                if (nicCode.StartsWith(prefix, StringComparison.Ordinal))
                {
                    (found ??= ImmutableArray.CreateBuilder<string>()).Add(sector.Id);
                    break;
                }
            }
        }

        return found?.ToImmutable() ?? [];
    }

    /// <summary>The line a sector was read from, for messages about its prefixes.</summary>
    internal int LineOf(string id) => _lines.TryGetValue(id, out var line) ? line : 0;

    private static bool IsKebabId(string id)
    {
        if (id.Length == 0 || id[0] == '-' || id[^1] == '-' || id.Contains("--", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
