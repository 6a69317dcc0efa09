namespace HiTech.Core.Analytics;

/// <summary>
/// The strongest exact attack on a table with hidden cells: every line says its cells add up to its total (the last
/// cell), the published cells are constants, and linear algebra over all the lines at once gives every figure, or sum
/// of figures, that those equations fix. Structural: which sums are fixed depends only on which cells are hidden, not
/// on their values, so one elimination serves every quantity (counts and money alike).
/// </summary>
/// <remarks>
/// Gauss–Jordan elimination in doubles with the largest pivot of each column: the coefficients are 1 and -1 and the
/// systems a few hundred lines, so the round-off stays far below the tolerance.
/// </remarks>
internal sealed class LineEquations
{
    private const double Tolerance = 1e-9;
    private readonly Dictionary<SuppressionCell, int> _column = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SuppressionCell, List<(int Line, int Coefficient)>> _linesOf = new(ReferenceEqualityComparer.Instance);
    private readonly List<(double[] Row, double[] Combination, int Pivot)> _pivots = [];
    private readonly List<double[]> _nullCombinations = [];
    private readonly int _lineCount;

    /// <param name="lines">Each line's cells, its total last.</param>
    /// <param name="unknown">Whether an attacker does not know the cell's figure.</param>
    public LineEquations(IReadOnlyList<SuppressionCell[]> lines, Func<SuppressionCell, bool> unknown)
    {
        _lineCount = lines.Count;
        for (var k = 0; k < lines.Count; k++)
        {
            var line = lines[k];
            for (var i = 0; i < line.Length; i++)
            {
                if (!_linesOf.TryGetValue(line[i], out var of))
                {
                    _linesOf[line[i]] = of = [];
                }

                of.Add((k, i == line.Length - 1 ? -1 : 1));
                if (unknown(line[i]))
                {
                    _column.TryAdd(line[i], _column.Count);
                }
            }
        }

        // Each row of the matrix with the combination of lines it is (the identity to begin with), so that what the
        // elimination finds can be traced back to the lines: which combination gives a fixed sum, and which
        // combinations of lines leave every hidden figure out (they say something about published figures only).
        var rows = new List<(double[] Row, double[] Combination)>();
        for (var k = 0; k < lines.Count; k++)
        {
            var (row, combination) = (new double[_column.Count], new double[lines.Count]);
            combination[k] = 1;
            rows.Add((row, combination));
        }

        foreach (var (cell, of) in _linesOf)
        {
            if (_column.TryGetValue(cell, out var j))
            {
                foreach (var (line, coefficient) in of)
                {
                    rows[line].Row[j] += coefficient;
                }
            }
        }

        Eliminate(rows);
    }

    /// <summary>
    /// The combination of lines that gives a sum of figures (cells with their coefficients) from the published ones,
    /// or null when the published figures leave the sum open.
    /// </summary>
    public double[]? Solve(IReadOnlyList<(SuppressionCell Cell, int Coefficient)> sum)
    {
        var rest = new double[_column.Count];
        foreach (var (cell, coefficient) in sum)
        {
            if (_column.TryGetValue(cell, out var j))
            {
                rest[j] += coefficient;
            }
        }

        var solution = new double[_lineCount];
        foreach (var (row, combination, pivot) in _pivots)
        {
            var factor = rest[pivot];
            if (Math.Abs(factor) > Tolerance)
            {
                for (var j = 0; j < rest.Length; j++)
                {
                    rest[j] -= factor * row[j];
                }

                for (var k = 0; k < solution.Length; k++)
                {
                    solution[k] += factor * combination[k];
                }
            }
        }

        return rest.All(x => Math.Abs(x) < 1e-6) ? solution : null;
    }

    /// <summary>
    /// Whether a sum the lines fix (<paramref name="solution"/> from <see cref="Solve"/>) would stay fixed with one more
    /// published cell hidden. It would not only when no combination of lines free of hidden figures reads the cell
    /// (else the cell is fixed too, and so the sum) and the combination that gave the sum reads the cell with another
    /// coefficient than the sum does.
    /// </summary>
    public bool StaysFixedWith(SuppressionCell cell, double[] solution, IReadOnlyList<(SuppressionCell Cell, int Coefficient)> sum)
    {
        var lines = _linesOf.GetValueOrDefault(cell, []);
        if (_nullCombinations.Any(z => Math.Abs(lines.Sum(l => z[l.Line] * l.Coefficient)) > Tolerance))
        {
            return true;
        }

        var read = lines.Sum(l => solution[l.Line] * l.Coefficient);
        var wanted = sum.Where(t => ReferenceEquals(t.Cell, cell)).Sum(t => t.Coefficient);
        return Math.Abs(read - wanted) < 1e-6;
    }

    private void Eliminate(List<(double[] Row, double[] Combination)> rows)
    {
        var used = new bool[rows.Count];
        for (var column = 0; column < _column.Count; column++)
        {
            var pivot = -1;
            for (var r = 0; r < rows.Count; r++)
            {
                var value = Math.Abs(rows[r].Row[column]);
                if (!used[r] && value > Tolerance && (pivot < 0 || value > Math.Abs(rows[pivot].Row[column])))
                {
                    pivot = r;
                }
            }

            if (pivot < 0)
            {
                continue;
            }

            used[pivot] = true;
            var (pivotRow, pivotCombination) = rows[pivot];
            var scale = pivotRow[column];
            Scale(pivotRow, scale);
            Scale(pivotCombination, scale);
            foreach (var (row, combination) in rows)
            {
                var factor = row[column];
                if (row != pivotRow && Math.Abs(factor) > Tolerance)
                {
                    Subtract(row, factor, pivotRow);
                    Subtract(combination, factor, pivotCombination);
                }
            }

            _pivots.Add((pivotRow, pivotCombination, column));
        }

        _nullCombinations.AddRange(rows.Where((_, r) => !used[r]).Select(x => x.Combination));
    }

    private static void Scale(double[] row, double by)
    {
        for (var j = 0; j < row.Length; j++)
        {
            row[j] /= by;
        }
    }

    private static void Subtract(double[] row, double factor, double[] pivot)
    {
        for (var j = 0; j < row.Length; j++)
        {
            row[j] -= factor * pivot[j];
        }
    }
}
