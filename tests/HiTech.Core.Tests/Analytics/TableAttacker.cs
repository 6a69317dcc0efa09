namespace HiTech.Core.Tests.Analytics;

/// <summary>
/// An intruder with a published two-way table of counts: the published inner cells, margins and total, and the
/// knowledge that a hidden count is a whole number, at least 1 when the cell is not empty. It searches, by brute
/// force over whole numbers, for any table consistent with everything published in which a given hidden cell is at
/// least some value. Written independently of the disclosure code it attacks.
/// </summary>
internal sealed class TableAttacker
{
    private readonly int[,] _values;
    private readonly bool[,] _hidden;

    /// <summary>What the constraints hold a cell to: its published value, or for the margin under attack the value tried.</summary>
    private readonly int?[,] _known;
    private readonly int _rows;
    private readonly int _columns;
    private readonly List<(int R, int C)> _unknowns = [];
    private readonly int[,] _trial;
    private readonly bool[,] _assigned;
    private List<(int R, int C)> _order = [];
    private long _budget;

    /// <param name="values">The true lattice: inner cells, row margins in the last column, column margins in the last row, total in the corner.</param>
    /// <param name="hidden">Which of them are not published.</param>
    public TableAttacker(int[,] values, bool[,] hidden)
    {
        _values = values;
        _hidden = hidden;
        _rows = values.GetLength(0) - 1;
        _columns = values.GetLength(1) - 1;
        _trial = new int[_rows + 1, _columns + 1];
        _assigned = new bool[_rows + 1, _columns + 1];
        _known = new int?[_rows + 1, _columns + 1];
        for (var r = 0; r < _rows; r++)
        {
            for (var c = 0; c < _columns; c++)
            {
                if (hidden[r, c])
                {
                    _unknowns.Add((r, c));
                }
                else
                {
                    _trial[r, c] = values[r, c];
                }
            }
        }
    }

    /// <summary>Whether some consistent table gives the cell at least <paramref name="atLeast"/>; null when the search ran out of budget.</summary>
    public bool? CanReach(int row, int column, int atLeast, long budget = 300_000)
    {
        _budget = budget;
        foreach (var (r, c) in _unknowns)
        {
            _trial[r, c] = 0;
            _assigned[r, c] = false;
        }

        // A margin or the total under attack is held to atLeast: its possible values form an interval too.
        for (var r = 0; r <= _rows; r++)
        {
            for (var c = 0; c <= _columns; c++)
            {
                _known[r, c] = _hidden[r, c] ? null : _values[r, c];
            }
        }

        var inner = row < _rows && column < _columns;
        if (!inner && _values[row, column] < atLeast)
        {
            _known[row, column] = atLeast;
        }

        // The target first, then the cells of its row and column: a witness is found before the rest is explored.
        _order = [.. _unknowns.OrderBy(u => u == (row, column) ? 0 : u.R == row || u.C == column ? 1 : 2)];

        var found = Search(0, row, column, atLeast);
        return _budget < 0 ? null : found;
    }

    private bool Search(int next, int row, int column, int atLeast)
    {
        if (--_budget < 0)
        {
            return false;
        }

        if (next == _order.Count)
        {
            return Consistent() && Value(row, column) >= atLeast;
        }

        var (r, c) = _order[next];
        var low = Math.Min(1, _values[r, c]);
        var cap = Cap(r, c);

        // The values a cell can take form an interval holding its true value (the table's equations are totally
        // unimodular), so an inner target reaches atLeast if and only if it can equal atLeast. Other cells are tried
        // from their true value outwards: a witness is usually a small shift of the true table.
        var tries = Enumerable.Range(low, Math.Max(0, cap - low + 1));
        tries = (r, c) == (row, column) ? tries.Where(v => v == Math.Max(atLeast, low)) : tries.OrderBy(v => Math.Abs(v - _values[r, c]));
        _assigned[r, c] = true;
        foreach (var v in tries)
        {
            _trial[r, c] = v;
            if (PartialOk(r, c) && StillReachable(next + 1) && Search(next + 1, row, column, atLeast))
            {
                return true;
            }
        }

        _trial[r, c] = 0;
        _assigned[r, c] = false;
        return false;
    }

    /// <summary>No hidden cell can exceed a published margin or total it adds into; otherwise 60 bounds the search.</summary>
    private int Cap(int r, int c)
    {
        var cap = 60;
        cap = _known[r, _columns] is { } rowMargin ? Math.Min(cap, rowMargin) : cap;
        cap = _known[_rows, c] is { } columnMargin ? Math.Min(cap, columnMargin) : cap;
        return _known[_rows, _columns] is { } total ? Math.Min(cap, total) : cap;
    }

    /// <summary>
    /// The row and column of a just-set cell do not already exceed their published margins, nor the table its total;
    /// and once a row's or column's last unknown is set, it meets its published margin.
    /// </summary>
    private bool PartialOk(int r, int c)
    {
        var rowSum = RowSum(r);
        if (_known[r, _columns] is { } rowMargin && (rowSum > rowMargin || (RowComplete(r) && rowSum != rowMargin)))
        {
            return false;
        }

        var columnSum = ColumnSum(c);
        if (_known[_rows, c] is { } columnMargin && (columnSum > columnMargin || (ColumnComplete(c) && columnSum != columnMargin)))
        {
            return false;
        }

        var total = 0;
        for (var row = 0; row < _rows; row++)
        {
            total += RowSum(row);
        }

        return _known[_rows, _columns] is not { } published || total <= published;
    }

    /// <summary>The unknowns not yet set can still fill every published row, column and total.</summary>
    private bool StillReachable(int next)
    {
        var rowRoom = new int[_rows];
        var columnRoom = new int[_columns];
        var room = 0;
        for (var k = next; k < _order.Count; k++)
        {
            var (r, c) = _order[k];
            var cap = Cap(r, c);
            rowRoom[r] += cap;
            columnRoom[c] += cap;
            room += cap;
        }

        var total = 0;
        for (var r = 0; r < _rows; r++)
        {
            var sum = RowSum(r);
            total += sum;
            if (_known[r, _columns] is { } rowMargin && sum + rowRoom[r] < rowMargin)
            {
                return false;
            }
        }

        for (var c = 0; c < _columns; c++)
        {
            if (_known[_rows, c] is { } columnMargin && ColumnSum(c) + columnRoom[c] < columnMargin)
            {
                return false;
            }
        }

        return _known[_rows, _columns] is not { } published || total + room >= published;
    }

    private bool ColumnComplete(int c)
    {
        for (var row = 0; row < _rows; row++)
        {
            if (_hidden[row, c] && !_assigned[row, c])
            {
                return false;
            }
        }

        return true;
    }

    private bool RowComplete(int r)
    {
        for (var column = 0; column < _columns; column++)
        {
            if (_hidden[r, column] && !_assigned[r, column])
            {
                return false;
            }
        }

        return true;
    }

    private bool Consistent()
    {
        for (var r = 0; r < _rows; r++)
        {
            var sum = RowSum(r);
            if (_known[r, _columns] is { } rowMargin ? sum != rowMargin : sum < Math.Min(1, _values[r, _columns]))
            {
                return false;
            }
        }

        for (var c = 0; c < _columns; c++)
        {
            var sum = ColumnSum(c);
            if (_known[_rows, c] is { } columnMargin ? sum != columnMargin : sum < Math.Min(1, _values[_rows, c]))
            {
                return false;
            }
        }

        var total = 0;
        for (var r = 0; r < _rows; r++)
        {
            total += RowSum(r);
        }

        return _known[_rows, _columns] is not { } published || total == published;
    }

    private int Value(int r, int c)
    {
        if (r < _rows && c < _columns)
        {
            return _trial[r, c];
        }

        if (r < _rows)
        {
            return RowSum(r);
        }

        if (c < _columns)
        {
            return ColumnSum(c);
        }

        var total = 0;
        for (var row = 0; row < _rows; row++)
        {
            total += RowSum(row);
        }

        return total;
    }

    private int RowSum(int r)
    {
        var sum = 0;
        for (var c = 0; c < _columns; c++)
        {
            sum += _trial[r, c];
        }

        return sum;
    }

    private int ColumnSum(int c)
    {
        var sum = 0;
        for (var r = 0; r < _rows; r++)
        {
            sum += _trial[r, c];
        }

        return sum;
    }
}
