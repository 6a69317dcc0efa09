using nietras.SeparatedValues;

namespace HiTech.Cli.Infrastructure;

/// <summary>
/// The line a CSV row starts on. Sep 0.17.1's ParallelEnumerate reports a wrong <c>LineNumberFrom</c> (2) for
/// the last row of each 512-row batch, while <c>LineNumberToExcl</c> stays right; so the start is worked back
/// from the end and the line breaks inside the row (quoted fields). Call it before reading any column: Sep
/// unescapes quoted columns in place when they are read.
/// </summary>
public static class SepLines
{
    public static long LineOf(SepReader.Row row)
    {
        var span = row.Span;
        var breaks = 0;
        for (var i = span.IndexOfAny('\r', '\n'); i >= 0 && i < span.Length; i++)
        {
            var c = span[i];
            if (c == '\n')
            {
                breaks++;
            }
            else if (c == '\r')
            {
                breaks++;
                if (i + 1 < span.Length && span[i + 1] == '\n')
                {
                    i++;
                }
            }
        }

        return row.LineNumberToExcl - 1 - breaks;
    }
}
