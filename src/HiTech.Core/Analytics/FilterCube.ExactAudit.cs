namespace HiTech.Core.Analytics;

// The last step of FilterCube.Protect: the exact attack on every line at once (FilterCube.cs has the whole picture).
public sealed partial class FilterCube
{
    /// <summary>
    /// The exact audit, after the planes: every line of the cube an equation, solved all at once
    /// (<see cref="LineEquations"/>). Where that fixes a hidden sensitive figure, a small rest or a small "neither",
    /// one more cell is hidden, one that alone leaves it open if there is one (the smallest non-empty first).
    /// </summary>
    /// <returns>Null when nothing protected is fixed; true when a cell was hidden; false when none could be.</returns>
    private bool? HideWhereFixed()
    {
        var equations = new LineEquations(_lines, c => c.Hidden);
        // A sum of figures all published elsewhere as they stand is that table's to protect: nothing here changes it.
        foreach (var sum in Protected().Where(sum => sum.Any(t => t.Cell.Hidden || !t.Cell.Fixed)))
        {
            if (equations.Solve(sum) is not { } solution)
            {
                continue;
            }

            var open = _cells.Values.Where(c => !c.Hidden && !c.Fixed).OrderBy(c => c.Enterprises > 0 ? 0 : 1).ThenBy(c => c.Enterprises).ThenBy(c => c.Values[^1]).ToList();
            var cover = open.FirstOrDefault(c => !equations.StaysFixedWith(c, solution, sum))
                ?? open.FirstOrDefault(c => sum.Any(t => _linesOf[t.Cell].Any(line => line.Contains(c))));
            if (cover is null)
            {
                return false;
            }

            cover.HideForOthers();
            return true;
        }

        return null;
    }

    /// <summary>The figures the rules protect, each as a sum of the cube's cells: hidden sensitive cells, sensitive rests and "neither" figures.</summary>
    private IEnumerable<IReadOnlyList<(SuppressionCell Cell, int Coefficient)>> Protected()
    {
        foreach (var cell in _cells.Values.Where(c => c.Hidden && c.Sensitive))
        {
            yield return [(cell, 1)];
        }

        foreach (var (inside, wider) in _rests.Where(r => r.Figure.Sensitive).Select(r => (r.Inside, r.Wider)))
        {
            yield return [(_cells[wider], 1), (_cells[inside], -1)];
        }

        foreach (var row in _rows)
        {
            foreach (var f in _first[..^1])
            {
                foreach (var s in _second[..^1])
                {
                    if (Neither(row, f, s).Sensitive)
                    {
                        yield return [(_cells[new(row, CubeKey.All, CubeKey.All)], 1), (_cells[new(row, f, CubeKey.All)], -1), (_cells[new(row, CubeKey.All, s)], -1), (_cells[new(row, f, s)], 1)];
                    }
                }
            }
        }
    }
}
