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
    private readonly int _rows;
    private readonly int _columns;
    private readonly List<(int R, int C)> _unknowns = [];
    private readonly int[,] _trial;
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
        }

        var found = Search(0, row, column, atLeast);
        return _budget < 0 ? null : found;
    }

    private bool Search(int next, int row, int column, int atLeast)
    {
        if (--_budget < 0)
        {
            return false;
        }

        if (next == _unknowns.Count)
        {
            return Consistent() && Value(row, column) >= atLeast;
        }

        var (r, c) = _unknowns[next];
        var low = Math.Min(1, _values[r, c]);
        for (var v = Cap(r, c); v >= low; v--)
        {
            _trial[r, c] = v;
            if (PartialOk(r, c) && StillReachable(next + 1) && Search(next + 1, row, column, atLeast))
            {
                return true;
            }
        }

        _trial[r, c] = 0;
        return false;
    }

    /// <summary>No hidden cell can exceed a published margin or total it adds into; otherwise 60 bounds the search.</summary>
    private int Cap(int r, int c)
    {
        var cap = 60;
        cap = _hidden[r, _columns] ? cap : Math.Min(cap, _values[r, _columns]);
        cap = _hidden[_rows, c] ? cap : Math.Min(cap, _values[_rows, c]);
        return _hidden[_rows, _columns] ? cap : Math.Min(cap, _values[_rows, _columns]);
    }

    /// <summary>
    /// The row and column of a just-set cell do not already exceed their published margins, nor the table its total;
    /// and once a row's last unknown is set, the row meets its published margin.
    /// </summary>
    private bool PartialOk(int r, int c)
    {
        var rowSum = RowSum(r);
        if (!_hidden[r, _columns] && (rowSum > _values[r, _columns] || (LastUnknownOfRow(r, c) && rowSum != _values[r, _columns])))
        {
            return false;
        }

        if (!_hidden[_rows, c] && ColumnSum(c) > _values[_rows, c])
        {
            return false;
        }

        var total = 0;
        for (var row = 0; row < _rows; row++)
        {
            total += RowSum(row);
        }

        return _hidden[_rows, _columns] || total <= _values[_rows, _columns];
    }

    /// <summary>The unknowns not yet set can still fill every published row, column and total.</summary>
    private bool StillReachable(int next)
    {
        var rowRoom = new int[_rows];
        var columnRoom = new int[_columns];
        var room = 0;
        for (var k = next; k < _unknowns.Count; k++)
        {
            var (r, c) = _unknowns[k];
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
            if (!_hidden[r, _columns] && sum + rowRoom[r] < _values[r, _columns])
            {
                return false;
            }
        }

        for (var c = 0; c < _columns; c++)
        {
            if (!_hidden[_rows, c] && ColumnSum(c) + columnRoom[c] < _values[_rows, c])
            {
                return false;
            }
        }

        return _hidden[_rows, _columns] || total + room >= _values[_rows, _columns];
    }

    private bool LastUnknownOfRow(int r, int c)
    {
        for (var column = c + 1; column < _columns; column++)
        {
            if (_hidden[r, column])
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
            if (_hidden[r, _columns] ? sum < Math.Min(1, _values[r, _columns]) : sum != _values[r, _columns])
            {
                return false;
            }
        }

        for (var c = 0; c < _columns; c++)
        {
            var sum = ColumnSum(c);
            if (_hidden[_rows, c] ? sum < Math.Min(1, _values[_rows, c]) : sum != _values[_rows, c])
            {
                return false;
            }
        }

        var total = 0;
        for (var r = 0; r < _rows; r++)
        {
            total += RowSum(r);
        }

        return _hidden[_rows, _columns] || total == _values[_rows, _columns];
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
