using System.Globalization;
using MiniExcelLibs;

namespace HiTech.Core.Registry;

/// <summary>
/// A registry in the first sheet of an Excel workbook (.xlsx), read row by row on one thread. Cells are turned
/// into the text a CSV would hold; rows are numbered as the sheet numbers them (header = 1). A workbook that cannot be
/// read, or has no header row, is an <see cref="InvalidDataException"/> (used by the CLI and by the web's imports).
/// </summary>
public sealed class ExcelRegistry : RegistryFile
{
    private readonly string _path;

    /// <summary>How an .xlsx begins (it is a zip): files are told apart by content, never by name.</summary>
    public static ReadOnlySpan<byte> ZipMagic => "PK\u0003\u0004"u8;

    public ExcelRegistry(string path, string shownAs)
        : base(shownAs)
    {
        _path = path;
        using var rows = ExcelRows().GetEnumerator();
        try
        {
            if (!rows.MoveNext())
            {
                throw new InvalidDataException($"{shownAs}: the first sheet is empty (no header row)");
            }
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            throw new InvalidDataException($"{shownAs}: not a readable Excel workbook (.xlsx): {e.Message}");
        }

        var header = rows.Current.Cells.ToList();
        while (header.Count > 0 && header[^1].Length == 0)
        {
            header.RemoveAt(header.Count - 1);
        }

        if (header.Count == 0)
        {
            throw new InvalidDataException($"{shownAs}: the first sheet is empty (no header row)");
        }

        Header = header;
    }

    /// <summary>A cell as the text a CSV would hold: numbers round-trip, booleans true/false, dates yyyy-MM-dd.</summary>
    public static string ExcelText(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    protected override IEnumerable<(long Line, T Result)> Rows<T>(IRowHandler<T> handler)
    {
        foreach (var (line, cells) in ExcelRows().Skip(1))
        {
            if (Array.TrueForAll(cells, c => c.Length == 0))
            {
                yield return (line, handler.Reject(line, "the row is empty"));
                continue;
            }

            // Cells past the header are dropped when empty (a sheet's used range is often wider than its data).
            var width = cells.Length;
            while (width > Header.Count && cells[width - 1].Length == 0)
            {
                width--;
            }

            var fitted = cells;
            if (width != cells.Length || cells.Length < Header.Count)
            {
                fitted = new string[Math.Max(width, Header.Count)];
                Array.Fill(fitted, "");
                Array.Copy(cells, fitted, Math.Min(width, cells.Length));
            }

            yield return (line, Handle(handler, new ArrayCells(fitted), line));
        }
    }

    /// <summary>The first sheet's rows as invariant text, numbered as the sheet numbers them (header = 1).</summary>
    private IEnumerable<(long Line, string[] Cells)> ExcelRows()
    {
        long line = 0;
        foreach (var row in MiniExcel.Query(_path, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            line++;
            var cells = (IDictionary<string, object?>)row;
            var texts = new string[cells.Count];
            var i = 0;
            foreach (var value in cells.Values)
            {
                texts[i++] = ExcelText(value);
            }

            yield return (line, texts);
        }
    }
}
