namespace HiTech.Core.Analytics;

/// <summary>
/// Secondary suppression of a one-way table with its total. An attacker knows the hidden cells add up to the total
/// minus the published cells, so a hidden cell is at most that sum less the lower bounds of the other hidden cells
/// (the exact bound for one equation). Cells are hidden, smallest first, until every sensitive figure's bound
/// reaches its requirement; when the total is hidden nothing can be worked out.
/// </summary>
internal static class OneWaySuppression
{
    public static void Protect(SuppressionCell[] cells, SuppressionCell total)
    {
        if (total.Sensitive)
        {
            return;
        }

        while (FirstShortfall(cells, total) is { } shortfall)
        {
            var candidate = PickCandidate(cells, shortfall.Quantity, shortfall.Deficit);
            if (candidate is null)
            {
                total.HideForOthers();
                return;
            }

            candidate.HideForOthers();
        }
    }

    /// <summary>The first sensitive hidden figure whose upper bound falls short, with by how much.</summary>
    private static (int Quantity, double Deficit)? FirstShortfall(SuppressionCell[] cells, SuppressionCell total)
    {
        if (total.Hidden)
        {
            return null;
        }

        for (var q = 0; q < SuppressionCell.QuantityCount; q++)
        {
            var rest = total.Values[q];
            var lowerBounds = 0.0;
            foreach (var cell in cells)
            {
                if (cell.Hidden)
                {
                    lowerBounds += cell.LowerBound(q);
                }
                else
                {
                    rest -= cell.Values[q];
                }
            }

            foreach (var cell in cells)
            {
                var required = cell.Required[q];
                if (cell.Hidden && !double.IsNaN(required))
                {
                    var upper = rest - (lowerBounds - cell.LowerBound(q));
                    if (upper < required)
                    {
                        return (q, required - upper);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The published non-empty cell with the fewest enterprises that covers the deficit, else the one that covers most of it.</summary>
    private static SuppressionCell? PickCandidate(SuppressionCell[] cells, int quantity, double deficit)
    {
        var open = cells.Where(c => !c.Hidden && c.Enterprises > 0).OrderBy(c => c.Enterprises).ThenBy(c => c.Values[quantity]).ToList();
        return open.FirstOrDefault(c => c.Values[quantity] - c.LowerBound(quantity) >= deficit)
            ?? open.OrderByDescending(c => c.Values[quantity] - c.LowerBound(quantity)).FirstOrDefault();
    }
}
