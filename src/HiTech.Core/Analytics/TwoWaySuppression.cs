namespace HiTech.Core.Analytics;

/// <summary>
/// Secondary suppression of a two-way table with margins and total, laid out as one lattice: inner cells, the row
/// margins as the last column, the column margins as the last row, the total in the corner. With each margin taken
/// negatively (and the total positively) every row and column of the lattice adds up to zero, so the figures are a
/// circulation on the graph of rows and columns, one edge per cell. The largest value a hidden cell can take,
/// given every published cell, is then its value plus the maximum flow that can go round the other hidden cells
/// back to it (the linear programme's exact bound, found by max-flow). Cells are hidden, in the sensitive cell's
/// own row or column first and smallest first, until every sensitive figure's bound reaches its requirement.
/// </summary>
/// <remarks>
/// Empty cells are not hidden to protect others, unless <paramref name="hideEmpty"/> (then after every non-empty
/// one): where empty cells are all that is left, say a category with no enterprises of a size, a hidden empty cell
/// is what keeps a sensitive one from being worked out.
/// </remarks>
internal sealed class TwoWaySuppression(SuppressionCell[,] lattice, bool hideEmpty = false)
{
    private readonly int _rows = lattice.GetLength(0);
    private readonly int _columns = lattice.GetLength(1);

    /// <summary>Hides cells until every sensitive figure is protected; false when no cell left to hide could do it.</summary>
    public bool Protect()
    {
        while (HideOne() is { } hid)
        {
            if (!hid)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Hides one cell for the first sensitive figure not yet protected: null when all are, false when none can be hidden.</summary>
    public bool? HideOne()
    {
        if (FirstShortfall() is not { } shortfall)
        {
            return null;
        }

        var candidate = PickCandidate(shortfall.Row, shortfall.Column, shortfall.Quantity);
        candidate?.HideForOthers();
        return candidate is not null;
    }

    /// <summary>The largest value the cell's quantity can take given the published cells (infinity when unbounded).</summary>
    public double UpperBound(int row, int column, int quantity, double enough = double.PositiveInfinity)
    {
        var cell = lattice[row, column];
        var positive = Sign(row, column) > 0;

        // Raising x on a positive edge pushes flow row -> column, which must come back column -> row; on a
        // negative (margin) edge it pushes column -> row, which must come back row -> column.
        var from = positive ? ColumnNode(column) : row;
        var to = positive ? row : ColumnNode(column);
        return cell.Values[quantity] + MaxFlow(Residual(quantity, row, column), from, to, enough - cell.Values[quantity]);
    }

    private (int Row, int Column, int Quantity)? FirstShortfall()
    {
        for (var r = 0; r < _rows; r++)
        {
            for (var c = 0; c < _columns; c++)
            {
                var cell = lattice[r, c];
                if (!cell.Hidden)
                {
                    continue;
                }

                for (var q = 0; q < SuppressionCell.QuantityCount; q++)
                {
                    if (!double.IsNaN(cell.Required[q]) && UpperBound(r, c, q, cell.Required[q]) < cell.Required[q])
                    {
                        return (r, c, q);
                    }
                }
            }
        }

        return null;
    }

    private SuppressionCell? PickCandidate(int row, int column, int quantity)
    {
        var inLine = new List<(int R, int C)>();
        var elsewhere = new List<(int R, int C)>();
        for (var r = 0; r < _rows; r++)
        {
            for (var c = 0; c < _columns; c++)
            {
                var cell = lattice[r, c];
                if (!cell.Hidden && !cell.Fixed && (cell.Enterprises > 0 || hideEmpty))
                {
                    (r == row || c == column ? inLine : elsewhere).Add((r, c));
                }
            }
        }

        // Non-empty before empty; inner cells before margins, margins before the total; then fewest enterprises, then smallest value.
        return inLine.Concat(elsewhere)
            .OrderBy(p => lattice[p.R, p.C].Enterprises > 0 ? 0 : 1)
            .ThenBy(p => p.R == row || p.C == column ? 0 : 1)
            .ThenBy(p => (p.R == _rows - 1 ? 1 : 0) + (p.C == _columns - 1 ? 1 : 0))
            .ThenBy(p => lattice[p.R, p.C].Enterprises)
            .ThenBy(p => lattice[p.R, p.C].Values[quantity])
            .Select(p => lattice[p.R, p.C])
            .FirstOrDefault();
    }

    private int Sign(int row, int column) => (row == _rows - 1) ^ (column == _columns - 1) ? -1 : 1;

    private int ColumnNode(int column) => _rows + column;

    /// <summary>Residual capacities of the hidden cells other than the one asked about, as an adjacency matrix.</summary>
    private double[,] Residual(int quantity, int exceptRow, int exceptColumn)
    {
        var nodes = _rows + _columns;
        var capacity = new double[nodes, nodes];
        for (var r = 0; r < _rows; r++)
        {
            for (var c = 0; c < _columns; c++)
            {
                var cell = lattice[r, c];
                if (!cell.Hidden || cell.Known || (r == exceptRow && c == exceptColumn))
                {
                    continue;
                }

                var slack = cell.Values[quantity] - cell.LowerBound(quantity);
                var positive = Sign(r, c) > 0;
                capacity[r, ColumnNode(c)] += positive ? double.PositiveInfinity : slack;
                capacity[ColumnNode(c), r] += positive ? slack : double.PositiveInfinity;
            }
        }

        return capacity;
    }

    /// <summary>Edmonds-Karp maximum flow, stopping once <paramref name="enough"/> is reached.</summary>
    private static double MaxFlow(double[,] capacity, int source, int sink, double enough)
    {
        var nodes = capacity.GetLength(0);
        var flow = 0.0;
        var parent = new int[nodes];
        var queue = new Queue<int>();
        while (flow < enough)
        {
            Array.Fill(parent, -1);
            parent[source] = source;
            queue.Clear();
            queue.Enqueue(source);
            while (queue.Count > 0 && parent[sink] < 0)
            {
                var u = queue.Dequeue();
                for (var v = 0; v < nodes; v++)
                {
                    if (parent[v] < 0 && capacity[u, v] > 1e-9)
                    {
                        parent[v] = u;
                        queue.Enqueue(v);
                    }
                }
            }

            if (parent[sink] < 0)
            {
                return flow;
            }

            var bottleneck = double.PositiveInfinity;
            for (var v = sink; v != source; v = parent[v])
            {
                bottleneck = Math.Min(bottleneck, capacity[parent[v], v]);
            }

            if (double.IsPositiveInfinity(bottleneck))
            {
                return double.PositiveInfinity;
            }

            for (var v = sink; v != source; v = parent[v])
            {
                capacity[parent[v], v] -= bottleneck;
                capacity[v, parent[v]] += bottleneck;
            }

            flow += bottleneck;
        }

        return flow;
    }
}
