using System.Diagnostics;
using System.Globalization;
using nietras.SeparatedValues;

namespace HiTech.Bench;

/// <summary>
/// The yardstick for registry scoring: read the same CSV with Sep on one thread and touch every character
/// of every field, so no work can be skipped. Prints rows and seconds.
/// </summary>
public static class SepReadBaseline
{
    public static int Run(string path)
    {
        Run(path, quiet: false);
        return 0;
    }

    public static long Run(string path, bool quiet)
    {
        var watch = Stopwatch.StartNew();
        using var reader = Sep.Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true }).FromFile(path);
        long rows = 0;
        long checksum = 0;
        foreach (var row in reader)
        {
            for (var c = 0; c < row.ColCount; c++)
            {
                foreach (var ch in row[c].Span)
                {
                    checksum += ch;
                }
            }

            rows++;
        }

        if (!quiet)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows {rows} checksum {checksum} seconds {watch.Elapsed.TotalSeconds:0.000}"));
        }

        return rows;
    }
}
