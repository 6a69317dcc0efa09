namespace HiTech.Core.Analytics.WhatIf;

/// <summary>
/// Counts scored enterprises jointly by district, priority sector, size class, tier in force and tier under the
/// proposal. Every count table of a what-if report (movers by district, sector and size, the transition matrix, the
/// tiers before and after, the cost's entering and leaving) is a sum over this joint count, so a run keeps a few
/// hundred numbers instead of every enterprise's facts. Keys are those of <see cref="GroupDimensions.KeyOf"/>.
/// Not thread-safe: workers count into arrays of their own (<see cref="ImportedRegistry"/>) and add them here.
/// </summary>
public sealed class WhatIfTally
{
    private readonly Dictionary<Cell, int> _counts = [];

    /// <summary>Enterprises counted.</summary>
    public int Enterprises { get; private set; }

    /// <summary>Counts an enterprise by its facts under the proposal (where it is, its sector and size) and its two tiers.</summary>
    public void Add(EnterpriseFacts after, int baselineTier, int proposalTier)
    {
        ArgumentNullException.ThrowIfNull(after);
        Add(GroupDimension.District.KeyOf(after), GroupDimension.Sector.KeyOf(after), after.SizeClass, baselineTier, proposalTier, 1);
    }

    /// <summary>Counts <paramref name="count"/> enterprises with the same keys and tiers.</summary>
    public void Add(string district, string sector, string size, int baselineTier, int proposalTier, int count)
    {
        var cell = new Cell(district, sector, size, baselineTier, proposalTier);
        _counts[cell] = _counts.GetValueOrDefault(cell) + count;
        Enterprises += count;
    }

    /// <summary>Every non-empty combination with its count.</summary>
    public IEnumerable<(Cell Cell, int Count)> Cells => _counts.Select(c => (c.Key, c.Value));

    /// <summary>Enterprises per (row key, column key), the keys read off each combination.</summary>
    public Dictionary<(string Row, string Column), int> Count(Func<Cell, string> row, Func<Cell, string> column)
    {
        var counts = new Dictionary<(string, string), int>();
        foreach (var (cell, count) in _counts)
        {
            var key = (row(cell), column(cell));
            counts[key] = counts.GetValueOrDefault(key) + count;
        }

        return counts;
    }

    /// <summary>One combination of keys: district id (or unknown), sector id (or none), size class and the two tier indices.</summary>
    public readonly record struct Cell(string District, string Sector, string Size, int BaselineTier, int ProposalTier);
}
