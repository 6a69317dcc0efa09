namespace HiTech.Web.Features.Analytics;

/// <summary>
/// Small-cell suppression for published counts: a count from 1 to 4 could point at individual enterprises, so
/// it is hidden. Where the table's total is shown and exactly one count is hidden, that count could be worked
/// out by subtraction, so the next smallest count is hidden as well. Zero is shown: it identifies nobody.
/// </summary>
public static class SmallCells
{
    public const int Threshold = 5;

    public static bool IsSmall(int count) => count is > 0 and < Threshold;

    /// <summary>The counts to publish: null where a count is hidden.</summary>
    public static int?[] Apply(IReadOnlyList<int> counts)
    {
        var shown = counts.Select(c => IsSmall(c) ? (int?)null : c).ToArray();
        var hidden = shown.Count(c => c is null);
        if (hidden == 1)
        {
            var next = shown
                .Select((count, index) => (count, index))
                .Where(x => x.count is > 0)
                .OrderBy(x => x.count)
                .Select(x => (int?)x.index)
                .FirstOrDefault();
            if (next is { } index)
            {
                shown[index] = null;
            }
        }

        return shown;
    }

    /// <summary>The total, or null when it is itself small.</summary>
    public static int? Total(int total) => IsSmall(total) ? null : total;
}
