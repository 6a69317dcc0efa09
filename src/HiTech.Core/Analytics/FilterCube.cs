namespace HiTech.Core.Analytics;

/// <summary>
/// A cell of a <see cref="FilterCube"/>: a group of the table (a district, a DMA band...), a category of the first
/// filter (a priority sector) and one of the second (a size class); <see cref="GroupTotals.AllGroup"/> where the
/// cell sums over that coordinate.
/// </summary>
public readonly record struct CubeKey(string Row, string First, string Second)
{
    public const string All = GroupTotals.AllGroup;
}

/// <summary>How a cell of the cube is published: protected here, published elsewhere as it stands, or never shown.</summary>
public sealed record CubeRole(bool Shown, CellDisclosure? Published)
{
    /// <summary>Shown under some filter, unless hidden here to protect another cell.</summary>
    public static CubeRole Protected { get; } = new(true, null);

    /// <summary>In no published view (an attacker cannot tell it is not empty).</summary>
    public static CubeRole Never { get; } = new(false, null);

    /// <summary>Published in another table (the unfiltered ones) with this verdict, which cannot change here.</summary>
    public static CubeRole PublishedAs(CellDisclosure verdict) => new(verdict.Published, verdict);
}

/// <summary>
/// Disclosure control of a table under two filters at once, every combination of filter values together. The figures
/// are a three-way table (the table's groups × the first filter's categories × the second's) with all its margins;
/// each published view (the districts of one sector, the sizes of one sector, one sector's micro enterprises...) is a
/// slice of it, and an attacker may hold them all. Cells are hidden one at a time until:
/// <list type="bullet">
/// <item>every two-way plane of the cube (one coordinate fixed, margins included) is protected by
/// <see cref="TwoWaySuppression"/>, so no sensitive cell can be bounded too closely from the views of one plane,
/// however many are combined (sector against sector, size against size);</item>
/// <item>for every view, the enterprises outside it (the view subtracted from a wider one: without the filter, or with
/// one filter fewer) are protected as a never-published column beside the view, with the wider view as margin;</item>
/// <item>the enterprises in neither of two filters (the unfiltered figure less both one-filter ones plus the view)
/// pass the rules whenever the three other figures are known;</item>
/// <item>no line of the cube (one coordinate running, its total last) has a hidden figure as its only unknown: an
/// attacker would work it out and use it in every other plane. Such a line gets another cell hidden; a figure that
/// must stay worked out counts as published in the planes.</item>
/// <item>then, exactly: every line of the cube an equation, all solved at once (<see cref="LineEquations"/>), fix no
/// hidden sensitive figure, no sensitive rest and no sensitive "neither"; where they do, one more cell is hidden (one
/// that alone leaves the figure open, the smallest first) and the steps above run again.</item>
/// </list>
/// Cells published elsewhere (the unfiltered tables) keep their verdicts. When no protection can be completed, every
/// protected cell is hidden.
/// </summary>
/// <remarks>
/// Each plane is protected exactly (the linear programme's bound over that plane); across planes, exact recomputation
/// is ruled out by the last step, but the range a hidden figure may take is bounded per plane only (a three-way linear
/// programme is not solved). FilterCubeTests attacks random cubes with every view at once.
/// </remarks>
public sealed partial class FilterCube
{
    private readonly string[] _rows;
    private readonly string[] _first;
    private readonly string[] _second;
    private readonly Dictionary<CubeKey, GroupTotals> _sums = [];
    private readonly Dictionary<string, List<(CubeKey Key, GroupTotals Totals)>> _finest = new(StringComparer.Ordinal);
    private readonly Dictionary<CubeKey, SuppressionCell> _cells = [];
    private readonly Dictionary<CubeKey, CellDisclosure> _published = [];
    private readonly Dictionary<CubeKey, SuppressionCell> _neither = [];
    private readonly List<(SuppressionCell Figure, CubeKey Inside, CubeKey Wider)> _rests = [];
    private readonly List<SuppressionCell[]> _lines;
    private readonly ILookup<SuppressionCell, SuppressionCell[]> _linesOf;
    private readonly DisclosureRules _rules;

    /// <param name="rows">The table's groups, in order.</param>
    /// <param name="first">The first filter's categories (every one that holds enterprises, filterable or not).</param>
    /// <param name="second">The second filter's categories.</param>
    /// <param name="finest">The figures of each (group, first, second) combination; absent ones are empty.</param>
    /// <param name="role">How each cell (margins included) is published.</param>
    /// <param name="rules">The disclosure parameters.</param>
    public FilterCube(
        IReadOnlyList<string> rows,
        IReadOnlyList<string> first,
        IReadOnlyList<string> second,
        IReadOnlyDictionary<CubeKey, GroupTotals> finest,
        Func<CubeKey, CubeRole> role,
        DisclosureRules rules)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(finest);
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(rules);
        (_rows, _first, _second, _rules) = ([.. rows, CubeKey.All], [.. first, CubeKey.All], [.. second, CubeKey.All], rules);
        foreach (var (key, totals) in finest)
        {
            if (!rows.Contains(key.Row) || !first.Contains(key.First) || !second.Contains(key.Second))
            {
                throw new ArgumentException($"the figures of ({key.Row}, {key.First}, {key.Second}) are outside the cube's categories", nameof(finest));
            }

            if (!_finest.TryGetValue(key.Row, out var ofRow))
            {
                _finest[key.Row] = ofRow = [];
            }

            ofRow.Add((key, totals));
            foreach (var r in new[] { key.Row, CubeKey.All })
            {
                foreach (var f in new[] { key.First, CubeKey.All })
                {
                    foreach (var s in new[] { key.Second, CubeKey.All })
                    {
                        var at = new CubeKey(r, f, s);
                        _sums[at] = _sums.TryGetValue(at, out var so) ? Merge(so, totals) : totals;
                    }
                }
            }
        }

        foreach (var r in _rows)
        {
            foreach (var f in _first)
            {
                foreach (var s in _second)
                {
                    var key = new CubeKey(r, f, s);
                    var how = role(key);
                    var cell = new SuppressionCell(Sum(key), rules) { Fixed = how.Published is not null, NeverShown = !how.Shown && how.Published is null };
                    if (how.Published is { } verdict)
                    {
                        // As it stands in its own table (hidden there, or shown: then not sensitive here either).
                        _published[key] = verdict;
                        if (verdict.Published)
                        {
                            cell.MarkPublished();
                        }
                    }

                    if (!how.Shown && !cell.Hidden)
                    {
                        cell.HideForOthers();
                    }

                    _cells[key] = cell;
                }
            }
        }

        _lines = [.. Lines()];
        _linesOf = _lines.SelectMany(line => line.Select(cell => (cell, line))).ToLookup(x => x.cell, x => x.line);
    }

    /// <summary>Hides cells until every protection holds; false (everything protected hidden) when one cannot.</summary>
    public bool Protect()
    {
        var lattices = Planes().Concat(Pairs()).Select(l => new TwoWaySuppression(l, hideEmpty: true)).ToList();
        Audit();
        while (ProtectPlanes(lattices))
        {
            switch (HideWhereFixed())
            {
                case null:
                    return true;
                case false:
                    HideEveryProtected();
                    return false;
                default:
                    Audit();
                    break;
            }
        }

        HideEveryProtected();
        return false;
    }

    /// <summary>Protects every plane and pair; false when one cannot be.</summary>
    private bool ProtectPlanes(List<TwoWaySuppression> lattices)
    {
        // One cell at a time: each plane sees the hidden cells of the others as unknown, but some follow from other
        // planes' lines, so after each hide the audit marks what an attacker works out, and that counts as published.
        bool hidAny;
        do
        {
            hidAny = false;
            foreach (var lattice in lattices)
            {
                while (lattice.HideOne() is { } hid)
                {
                    if (!hid)
                    {
                        return false;
                    }

                    hidAny = true;
                    Audit();
                }
            }
        }
        while (hidAny);
        return true;
    }

    private void HideEveryProtected()
    {
        foreach (var cell in _cells.Values.Where(c => !c.Fixed && !c.Hidden))
        {
            cell.HideForOthers();
        }
    }

    /// <summary>
    /// Closes the lines of the cube (one coordinate running, its total last): in a line where one hidden figure is the
    /// only one unknown, an attacker works it out, so another of the line's cells is hidden with it (the smallest inner
    /// non-empty one, else an empty one); only a figure no rule needs hidden (a category never shown, not sensitive), or one that no cell of its
    /// line can cover, is left worked out, marked known, and counts as published for the planes from then on.
    /// </summary>
    private void Audit()
    {
        foreach (var cell in _cells.Values)
        {
            cell.Known = false;
        }

        bool learned;
        do
        {
            learned = false;
            foreach (var line in _lines)
            {
                var unknown = line.Where(c => c.Hidden && !c.Known).Take(2).ToList();
                if (unknown.Count != 1)
                {
                    continue;
                }

                var partner = unknown[0] is { NeverShown: true, Sensitive: false } ? null : line
                    .Select((c, i) => (Cell: c, Margin: i == line.Length - 1))
                    .Where(x => !x.Cell.Hidden && !x.Cell.Fixed)
                    .OrderBy(x => x.Cell.Enterprises > 0 ? 0 : 1)
                    .ThenBy(x => LeftAlone(x.Cell, line)).ThenBy(x => x.Margin).ThenBy(x => x.Cell.Enterprises).ThenBy(x => x.Cell.Values[^1])
                    .Select(x => x.Cell)
                    .FirstOrDefault();
                if (partner is null)
                {
                    unknown[0].Known = true;
                }
                else
                {
                    partner.HideForOthers();
                }

                learned = true;
            }

            learned |= GuardNeither();
        }
        while (learned);
    }

    /// <summary>
    /// How many of the cell's other lines would have it as their one unknown figure if it were hidden (each would need
    /// another cell hidden in turn): choosing the cell that leaves fewest closes the lines with fewest cells hidden.
    /// </summary>
    private int LeftAlone(SuppressionCell cell, SuppressionCell[] except) =>
        _linesOf[cell].Count(line => line != except && !line.Any(c => c != cell && c.Hidden && !c.Known));

    private IEnumerable<SuppressionCell[]> Lines()
    {
        foreach (var f in _first)
        {
            foreach (var s in _second)
            {
                yield return [.. _rows.Select(r => _cells[new CubeKey(r, f, s)])];
            }
        }

        foreach (var r in _rows)
        {
            foreach (var s in _second)
            {
                yield return [.. _first.Select(f => _cells[new CubeKey(r, f, s)])];
            }

            foreach (var f in _first)
            {
                yield return [.. _second.Select(s => _cells[new CubeKey(r, f, s)])];
            }
        }
    }

    /// <summary>Whether the cell is in the cube (each of its coordinates a category given, or the margin).</summary>
    public bool Contains(CubeKey key) => _cells.ContainsKey(key);

    /// <summary>The verdict of a cell (for a cell published elsewhere, the verdict it has there).</summary>
    public CellDisclosure Verdict(CubeKey key) =>
        _published.TryGetValue(key, out var verdict) ? verdict
        : _cells.TryGetValue(key, out var cell) ? cell.Verdict
        : throw new ArgumentException($"({key.Row}, {key.First}, {key.Second}) is not a cell of the cube", nameof(key));

    /// <summary>Every plane with one coordinate fixed (to a category or to the margin), its margins last.</summary>
    private IEnumerable<SuppressionCell[,]> Planes()
    {
        foreach (var r in _rows)
        {
            yield return Lattice(_first, _second, (f, s) => new CubeKey(r, f, s));
        }

        foreach (var f in _first)
        {
            yield return Lattice(_rows, _second, (r, s) => new CubeKey(r, f, s));
        }

        foreach (var s in _second)
        {
            yield return Lattice(_rows, _first, (r, f) => new CubeKey(r, f, s));
        }
    }

    private SuppressionCell[,] Lattice(string[] down, string[] across, Func<string, string, CubeKey> at)
    {
        var lattice = new SuppressionCell[down.Length, across.Length];
        for (var i = 0; i < down.Length; i++)
        {
            for (var j = 0; j < across.Length; j++)
            {
                lattice[i, j] = _cells[at(down[i], across[j])];
            }
        }

        return lattice;
    }

    /// <summary>
    /// For every shown view, the view beside a wider one and the enterprises in the wider one but not in it: down the
    /// groups (the districts of a sector's micro enterprises beside those of the sector, of micro enterprises, and of
    /// all), and across the categories at the groups' total (the sizes of one sector beside all sizes, the sectors of
    /// one size beside all sectors). For two filters also the enterprises in neither, which follow from the view, the
    /// two one-filter views and the unfiltered one together.
    /// </summary>
    private IEnumerable<SuppressionCell[,]> Pairs()
    {
        var firsts = _first[..^1];
        var seconds = _second[..^1];
        foreach (var f in _first)
        {
            foreach (var s in _second)
            {
                if (f == CubeKey.All && s == CubeKey.All)
                {
                    continue;
                }

                if (_rows.Length > 1 && !_cells[new CubeKey(_rows[0], f, s)].NeverShown)
                {
                    foreach (var wider in new[] { (f, CubeKey.All), (CubeKey.All, s), (CubeKey.All, CubeKey.All) }.Distinct().Where(w => w != (f, s)))
                    {
                        yield return Pair(_rows, r => new CubeKey(r, f, s), r => new CubeKey(r, wider.Item1, wider.Item2));
                    }
                }
            }
        }

        foreach (var s in seconds.Where(s => firsts.Any(f => !_cells[new CubeKey(CubeKey.All, f, s)].NeverShown)))
        {
            yield return Pair(_first, f => new CubeKey(CubeKey.All, f, s), f => new CubeKey(CubeKey.All, f, CubeKey.All));
        }

        foreach (var f in firsts.Where(f => seconds.Any(s => !_cells[new CubeKey(CubeKey.All, f, s)].NeverShown)))
        {
            yield return Pair(_second, s => new CubeKey(CubeKey.All, f, s), s => new CubeKey(CubeKey.All, CubeKey.All, s));
        }
    }

    /// <summary>A view, the rest of a wider view (never shown) and the wider view as its margin, down <paramref name="along"/>.</summary>
    private SuppressionCell[,] Pair(string[] along, Func<string, CubeKey> view, Func<string, CubeKey> wider)
    {
        var lattice = new SuppressionCell[along.Length, 3];
        for (var i = 0; i < along.Length; i++)
        {
            var (inside, outside) = (view(along[i]), wider(along[i]));
            lattice[i, 0] = _cells[inside];
            lattice[i, 1] = Rest(Difference(inside, outside));
            _rests.Add((lattice[i, 1], inside, outside));
            lattice[i, 2] = _cells[outside];
        }

        return lattice;
    }

    /// <summary>
    /// The enterprises in neither f nor s follow from the cell of (f, s) once the unfiltered and the two one-filter
    /// figures are known: the three give a constant, and the rest is the cell itself. So a sensitive "neither" makes
    /// the cell sensitive by the same margin (its bound must reach as far above its value as the other's must); an
    /// empty cell (which cannot be protected by others' slack) instead has the smaller one-filter figure hidden.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    private bool GuardNeither()
    {
        var changed = false;
        foreach (var f in _first[..^1])
        {
            foreach (var s in _second[..^1])
            {
                foreach (var row in _rows)
                {
                    var cell = _cells[new CubeKey(row, f, s)];
                    CubeKey[] givers = [new(row, CubeKey.All, CubeKey.All), new(row, f, CubeKey.All), new(row, CubeKey.All, s)];
                    if (cell.NeverShown || givers.Any(k => _cells[k] is { Hidden: true, Known: false }))
                    {
                        continue;
                    }

                    var neither = Neither(row, f, s);
                    if (!neither.Sensitive)
                    {
                        continue;
                    }

                    var cover = cell.Enterprises > 0 || row == CubeKey.All ? null : givers[1..]
                        .Select(k => _cells[k]).Where(c => !c.Hidden && !c.Fixed && c.Enterprises > 0).MinBy(c => c.Enterprises);
                    if (cover is not null)
                    {
                        cover.HideForOthers();
                        changed = true;
                        continue;
                    }

                    for (var q = 0; q < SuppressionCell.QuantityCount; q++)
                    {
                        var needed = cell.Values[q] + neither.Required[q] - neither.Values[q];
                        if (!double.IsNaN(needed) && (double.IsNaN(cell.Required[q]) || needed > cell.Required[q]))
                        {
                            cell.Required[q] = needed;
                            changed = true;
                        }
                    }

                    if (!cell.Hidden)
                    {
                        cell.HideForOthers();
                        changed = true;
                    }
                }
            }
        }

        return changed;
    }

    /// <summary>The enterprises of the group in neither <paramref name="first"/> nor <paramref name="second"/>.</summary>
    private SuppressionCell Neither(string row, string first, string second)
    {
        if (!_neither.TryGetValue(new CubeKey(row, first, second), out var neither))
        {
            _neither[new CubeKey(row, first, second)] = neither = new SuppressionCell(SumOf(row, k => k.First != first && k.Second != second), _rules);
        }

        return neither;
    }

    private SuppressionCell Rest(GroupTotals totals)
    {
        var cell = new SuppressionCell(totals, _rules) { NeverShown = true };
        if (!cell.Hidden)
        {
            cell.HideForOthers();
        }

        return cell;
    }

    private GroupTotals Sum(CubeKey key) => _sums.TryGetValue(key, out var totals) ? totals : GroupTotals.Empty(key.Row);

    /// <summary>The enterprises of <paramref name="wider"/> not in <paramref name="inside"/>, from the finest cells (dominance needs their contributions).</summary>
    private GroupTotals Difference(CubeKey inside, CubeKey wider) =>
        SumOf(wider.Row, k => Within(wider, k) && !Within(inside, k));

    /// <summary>The finest cells of a group (of every group for the margin) that pass <paramref name="where"/>, summed.</summary>
    private GroupTotals SumOf(string row, Func<CubeKey, bool> where) =>
        (row == CubeKey.All ? _finest.Values.SelectMany(x => x) : _finest.GetValueOrDefault(row, []))
            .Where(x => where(x.Key))
            .Aggregate(GroupTotals.Empty(row), (sum, x) => Merge(sum, x.Totals));

    private static bool Within(CubeKey cell, CubeKey finest) =>
        (cell.Row == CubeKey.All || cell.Row == finest.Row)
        && (cell.First == CubeKey.All || cell.First == finest.First)
        && (cell.Second == CubeKey.All || cell.Second == finest.Second);

    /// <summary>
    /// Two disjoint groups together, as far as disclosure control reads them: counts and measures only (the cube sums
    /// thousands of cells; <see cref="GroupTotals.Merge"/> would also build the tiers, statuses and distributions).
    /// </summary>
    private static GroupTotals Merge(GroupTotals a, GroupTotals b)
    {
        var measures = new Dictionary<string, MeasureTotals>(a.Measures, StringComparer.Ordinal);
        foreach (var (id, totals) in b.Measures)
        {
            measures[id] = measures.TryGetValue(id, out var so) ? so.Merge(totals) : totals;
        }

        return GroupTotals.Empty(a.Group) with
        {
            Enterprises = a.Enterprises + b.Enterprises,
            HiTechEnterprises = a.HiTechEnterprises + b.HiTechEnterprises,
            Measures = measures,
        };
    }
}
