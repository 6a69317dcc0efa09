using System.Diagnostics.CodeAnalysis;

namespace HiTech.Core.Reference;

/// <summary>
/// The NIC 2008 code list with OECD, Eurostat and priority-sector classifications attached to every code,
/// plus lookup, search and near-miss suggestions for codes people type.
/// </summary>
public sealed class NicCatalog
{
    private readonly NicEntry[] _entries;
    private readonly Dictionary<string, NicEntry> _byCode;
    private readonly Dictionary<string, NicEntry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<string, NicEntry[]> _children;
    private readonly int[] _counts = new int[5];
    private readonly Lazy<NicSearchIndex> _index;

    private NicCatalog(NicEntry[] entries)
    {
        _entries = entries;
        _byCode = entries.ToDictionary(e => e.Code, StringComparer.Ordinal);
        _lookup = _byCode.GetAlternateLookup<ReadOnlySpan<char>>();
        _children = entries
            .Where(e => e.Level != NicLevel.Section)
            .GroupBy(e => NicCodeList.ParentCode(e.Level, e.Code, e.Section)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            _counts[(int)entry.Level]++;
        }

        // Built on first search: scoring a registry never searches, so it never pays for the index.
        _index = new Lazy<NicSearchIndex>(() => new NicSearchIndex(entries), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Every code: sections A-U first, then the digit codes in list (depth-first) order.</summary>
    public IReadOnlyList<NicEntry> Entries => _entries;

    internal NicSearchIndex Index => _index.Value;

    public static NicCatalog Load(
        TextReader nicCsv,
        string nicSource,
        TextReader oecdCsv,
        string oecdSource,
        TextReader eurostatCsv,
        string eurostatSource,
        PrioritySectorCatalog sectors)
    {
        ArgumentNullException.ThrowIfNull(sectors);
        var rows = NicCodeList.Read(nicCsv, nicSource);
        var oecd = OecdRules.Read(oecdCsv, oecdSource);
        var eurostat = EurostatRules.Read(eurostatCsv, eurostatSource);
        return new NicCatalog(NicCatalogBuilder.Build(rows, nicSource, oecd, oecdSource, eurostat, eurostatSource, sectors));
    }

    public int CountOf(NicLevel level) => (uint)level < (uint)_counts.Length ? _counts[(int)level] : 0;

    /// <summary>Exact code lookup ("2610", "C"); no allocation.</summary>
    public bool TryGet(ReadOnlySpan<char> code, [MaybeNullWhen(false)] out NicEntry entry) => _lookup.TryGetValue(code, out entry);

    /// <summary>The entry for a code, ignoring surrounding spaces; null when there is none.</summary>
    public NicEntry? Find(string code) =>
        code is not null && TryGet(code.AsSpan().Trim(), out var entry) ? entry : null;

    /// <summary>
    /// Digits find codes starting with them; words find titles containing all of them (case-insensitive),
    /// titles starting with the first word first, then whole-word matches, then substrings; broader codes first.
    /// </summary>
    public IReadOnlyList<NicEntry> Search(string query, int max = 20) => Index.Search(query, max);

    /// <summary>For a code that is not in the list: codes sharing its longest prefix, then codes one digit away. Never throws.</summary>
    public IReadOnlyList<NicEntry> SuggestNear(string code, int max = 5) => NicSuggestions.Near(this, code, max);

    public NicEntry? Parent(NicEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var parent = NicCodeList.ParentCode(entry.Level, entry.Code, entry.Section);
        return parent is not null && _byCode.TryGetValue(parent, out var found) ? found : null;
    }

    public IReadOnlyList<NicEntry> Children(NicEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _children.TryGetValue(entry.Code, out var children) ? children : [];
    }
}
