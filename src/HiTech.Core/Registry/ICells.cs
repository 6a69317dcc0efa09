namespace HiTech.Core.Registry;

/// <summary>
/// The cells of one registry row, whatever file it came from (CSV through Sep, or a spreadsheet).
/// Implemented by ref structs too, so reading a CSV row copies nothing.
/// </summary>
public interface ICells
{
    int Count { get; }

    ReadOnlySpan<char> this[int index] { get; }
}

/// <summary>Cells held as strings, for spreadsheets and tests.</summary>
public readonly struct ArrayCells(string[] cells) : ICells
{
    public int Count => cells.Length;

    public ReadOnlySpan<char> this[int index] => cells[index];
}
