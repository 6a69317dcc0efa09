using System.Collections.Immutable;
using System.Globalization;
using HiTech.Core.Reference;

namespace HiTech.Core.Scoring;

/// <summary>
/// Classifies the activity codes an enterprise declares. Only classes (4 digits) and sub-classes (5 digits)
/// are precise enough to score; broader codes are refused with a reason.
/// </summary>
public sealed class ActivityClassifier
{
    private readonly Dictionary<string, ActivityFacts> _facts;
    private readonly Dictionary<string, ActivityFacts>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public ActivityClassifier(ReferenceData reference)
    {
        Reference = reference;
        SectorIds = [.. reference.PrioritySectors.All.Select(s => s.Id)];
        if (SectorIds.Length > 64)
        {
            throw new InvalidOperationException("At most 64 priority sectors fit the engine's bit sets.");
        }

        _facts = new Dictionary<string, ActivityFacts>(StringComparer.Ordinal);
        foreach (var entry in reference.Nic.Entries)
        {
            if (entry.Level is not (NicLevel.Class or NicLevel.SubClass) || entry.OecdGroup is not { } oecd)
            {
                continue;
            }

            var sectors = 0UL;
            foreach (var sector in entry.PrioritySectors)
            {
                var index = SectorIds.IndexOf(sector, StringComparer.Ordinal);
                if (index >= 0)
                {
                    sectors |= 1UL << index;
                }
            }

            var division = int.Parse(entry.Code.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture);
            _facts[entry.Code] = new ActivityFacts(entry, oecd, EurostatGroups.IndexOf(entry.EurostatGroup), division, sectors);
        }

        _lookup = _facts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public ReferenceData Reference { get; }

    /// <summary>Priority sector ids in bit order.</summary>
    public ImmutableArray<string> SectorIds { get; }

    public bool TryClassify(ReadOnlySpan<char> code, out ActivityFacts facts) => _lookup.TryGetValue(code, out facts);

    /// <summary>Why a code cannot be scored, in words for the person who typed it.</summary>
    public string ExplainUnknown(string code)
    {
        var trimmed = code.Trim();
        if (Reference.Nic.Find(trimmed) is { } broad)
        {
            return $"NIC code '{trimmed}' is a {LevelName(broad.Level)} ({broad.Title}); give the 4-digit class or 5-digit sub-class of the activity.";
        }

        var near = Reference.Nic.SuggestNear(trimmed, 3);
        var hint = near.Count == 0 ? "" : $" Near codes: {string.Join(", ", near.Select(n => $"{n.Code} ({n.Title})"))}.";
        return $"'{trimmed}' is not a NIC 2008 code.{hint}";
    }

    public bool TryGetFacts(string code, out ActivityFacts facts) => _facts.TryGetValue(code, out facts);

    private static string LevelName(NicLevel level) => level switch
    {
        NicLevel.Section => "section",
        NicLevel.Division => "division",
        NicLevel.Group => "group",
        NicLevel.Class => "class",
        _ => "sub-class",
    };
}
