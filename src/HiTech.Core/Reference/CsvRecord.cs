namespace HiTech.Core.Reference;

/// <summary>One data row of a reference CSV, fields in the order the reader asked for them.</summary>
internal readonly record struct CsvRecord(int Line, string[] Fields)
{
    public string this[int index] => Fields[index];
}
