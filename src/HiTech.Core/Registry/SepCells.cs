using nietras.SeparatedValues;

namespace HiTech.Core.Registry;

/// <summary>A Sep CSV row seen as <see cref="ICells"/>, without copying.</summary>
public readonly ref struct SepCells(SepReader.Row row) : ICells
{
    private readonly SepReader.Row _row = row;

    public int Count => _row.ColCount;

    public ReadOnlySpan<char> this[int index] => _row[index].Span;
}
