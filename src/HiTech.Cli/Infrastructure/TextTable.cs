namespace HiTech.Cli.Infrastructure;

/// <summary>A plain-text table: the first column (and the last, when <c>lastIsText</c>) left-aligned, numbers right-aligned, two spaces apart.</summary>
public static class TextTable
{
    public static void Write(TextWriter writer, IReadOnlyList<IReadOnlyList<string>> rows, bool lastIsText = false, string indent = "  ")
    {
        if (rows.Count == 0)
        {
            return;
        }

        var columns = rows.Max(r => r.Count);
        var widths = new int[columns];
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Count; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        foreach (var row in rows)
        {
            var cells = row.Select((cell, c) => c == 0 || (lastIsText && c == columns - 1) ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]));
            writer.WriteLine((indent + string.Join("  ", cells)).TrimEnd());
        }
    }
}
