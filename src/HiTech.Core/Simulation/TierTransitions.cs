using System.Globalization;
using HiTech.Core.Frameworks;
using HiTech.Core.Reference;
using HiTech.Core.Registry;

namespace HiTech.Core.Simulation;

/// <summary>
/// Counts how scored registry rows move between a baseline framework's tiers and a proposal's: the transition
/// matrix, movers up and down, and movers by district and by sector (the primary activity's NIC division).
/// Rows are added one at a time, so a registry of any length is summarised in fixed memory. Pure, no I/O.
/// </summary>
/// <remarks>
/// Up and down are judged in the proposal's order of tiers: a baseline tier whose id the proposal also has sits
/// where the proposal puts it, so adding, removing or renaming other tiers moves nobody who stays in a kept tier.
/// A baseline tier the proposal drops is placed by its level counted from the bottom (the lowest tier is level 0).
/// </remarks>
public sealed class TierTransitions
{
    private readonly CompiledFramework _baseline;
    private readonly CompiledFramework _proposal;
    private readonly NicCatalog _nic;
    private readonly int _baselineScore;
    private readonly int _proposalScore;
    private readonly long[,] _matrix;

    /// <summary>Each baseline tier's place in the proposal's order (see remarks).</summary>
    private readonly int[] _baselineInProposal;
    private readonly Dictionary<string, long[]> _districts = new(StringComparer.Ordinal);
    private readonly Dictionary<int, long[]> _sectors = [];
    private long _rejected;

    /// <param name="baseline">The framework the registry is scored under today.</param>
    /// <param name="proposal">The framework proposed instead.</param>
    /// <param name="nic">Gives each sector (NIC division) its title.</param>
    /// <param name="baselineScore">Which of a row's <see cref="ScoredRow.Scores"/> is the baseline's.</param>
    /// <param name="proposalScore">Which is the proposal's.</param>
    public TierTransitions(CompiledFramework baseline, CompiledFramework proposal, NicCatalog nic, int baselineScore = 0, int proposalScore = 1)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(nic);
        _baseline = baseline;
        _proposal = proposal;
        _nic = nic;
        _baselineScore = baselineScore;
        _proposalScore = proposalScore;
        _matrix = new long[baseline.Tiers.Length, proposal.Tiers.Length];
        _baselineInProposal = new int[baseline.Tiers.Length];
        for (var t = 0; t < baseline.Tiers.Length; t++)
        {
            var same = proposal.TierIndex(baseline.Tiers[t].Id);
            _baselineInProposal[t] = same >= 0 ? same : proposal.Tiers.Length - baseline.Tiers.Length + t;
        }
    }

    public long Scored { get; private set; }

    public long Rejected => _rejected;

    /// <summary>Counts one row: a rejected row only as rejected.</summary>
    public void Add(ScoredRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Rejected)
        {
            _rejected++;
            return;
        }

        Add(row.Scores[_baselineScore].Tier, row.Scores[_proposalScore].Tier, row.District ?? "", row.PrimaryDivision);
    }

    /// <summary>Counts one enterprise by its two tiers (indexes into each framework's tiers, 0 the highest).</summary>
    public void Add(int baselineTier, int proposalTier, string district, int division)
    {
        ArgumentNullException.ThrowIfNull(district);
        _matrix[baselineTier, proposalTier]++;
        Scored++;
        var direction = Direction(baselineTier, proposalTier);
        Count(_districts, district, direction);
        Count(_sectors, division, direction);
    }

    /// <summary>+1 when the proposal's tier is higher, -1 when lower, 0 when level.</summary>
    public int Direction(int baselineTier, int proposalTier) => Math.Sign(_baselineInProposal[baselineTier] - proposalTier);

    public TransitionReport Report()
    {
        var rows = _matrix.GetLength(0);
        var columns = _matrix.GetLength(1);
        var matrix = new List<IReadOnlyList<long>>(rows);
        long up = 0, down = 0, unchanged = 0;
        for (var b = 0; b < rows; b++)
        {
            var row = new long[columns];
            for (var p = 0; p < columns; p++)
            {
                row[p] = _matrix[b, p];
                switch (Direction(b, p))
                {
                    case > 0:
                        up += row[p];
                        break;
                    case < 0:
                        down += row[p];
                        break;
                    default:
                        unchanged += row[p];
                        break;
                }
            }

            matrix.Add(row);
        }

        var districts = _districts.Select(d => Group(d.Key, d.Key, d.Value));
        var sectors = _sectors.Select(s =>
        {
            var code = s.Key.ToString("D2", CultureInfo.InvariantCulture);
            return Group(code, _nic.Find(code)?.Title ?? "unknown division", s.Value);
        });

        return new TransitionReport(
            _baseline.Id,
            _baseline.Version,
            _proposal.Id,
            _proposal.Version,
            [.. _baseline.Tiers.Select(t => t.Id)],
            [.. _proposal.Tiers.Select(t => t.Id)],
            matrix,
            Scored,
            _rejected,
            up,
            down,
            unchanged,
            Ranked(districts),
            Ranked(sectors));
    }

    /// <summary>Most movers first, then most enterprises, then by key.</summary>
    private static List<MoverGroup> Ranked(IEnumerable<MoverGroup> groups) =>
        [.. groups.OrderByDescending(g => g.Movers).ThenByDescending(g => g.Total).ThenBy(g => g.Key, StringComparer.Ordinal)];

    private static MoverGroup Group(string key, string title, long[] counts) => new(key, title, counts[0], counts[1], counts[2]);

    private static void Count<TKey>(Dictionary<TKey, long[]> groups, TKey key, int direction)
        where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var counts))
        {
            groups[key] = counts = new long[3];
        }

        counts[direction > 0 ? 0 : direction < 0 ? 1 : 2]++;
    }
}
