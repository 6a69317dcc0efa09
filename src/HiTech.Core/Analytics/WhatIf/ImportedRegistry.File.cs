using System.Runtime.InteropServices;
using System.Text.Json;

namespace HiTech.Core.Analytics.WhatIf;

public sealed partial class ImportedRegistry
{
    /// <summary>The first bytes of the file, with the layout's version: another layout is refused, not misread.</summary>
    private static readonly byte[] Magic = "HTWIREG1"u8.ToArray();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Writes the registry to <paramref name="path"/>: a JSON header (framework, year, population, figures, keys,
    /// sizes), then each column's numbers as they lie in memory. Written beside and then moved, so a reader never
    /// sees half a file.
    /// </summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        _rows.Trim();
        var header = JsonSerializer.SerializeToUtf8Bytes(
            new Header(FrameworkId, FrameworkVersion, Year, Population, Figures, _districts, _sectors, _sizes, _codes, _rows.Count, _rows.Inputs, _rows.SetsPerRow, _rows.Activities),
            Json);
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            file.Write(Magic);
            file.Write(BitConverter.GetBytes(header.Length));
            file.Write(header);
            Write(file, _rows.District);
            Write(file, _rows.Sector);
            Write(file, _rows.Size);
            Write(file, _rows.Missing);
            Write(file, _rows.Values);
            Write(file, _rows.SetBits);
            Write(file, _rows.FirstActivity);
            Write(file, _rows.Code);
            Write(file, _rows.Share);
            Write(file, _rows.Stages);
        }

        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Reads a registry <see cref="Save"/> wrote; a file of another layout or cut short is an <see cref="InvalidDataException"/>.</summary>
    public static ImportedRegistry Load(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        try
        {
            var magic = new byte[Magic.Length];
            file.ReadExactly(magic);
            if (!magic.AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException($"{Path.GetFileName(path)} is not an imported registry of this version of the platform");
            }

            var length = new byte[sizeof(int)];
            file.ReadExactly(length);
            var bytes = new byte[BitConverter.ToInt32(length)];
            file.ReadExactly(bytes);
            var header = JsonSerializer.Deserialize<Header>(bytes, Json) ?? throw new InvalidDataException("the imported registry has no header");
            var rows = new Columns(header.Inputs, header.SetsPerRow)
            {
                Count = header.Rows,
                Activities = header.Activities,
                District = Read<short>(file, header.Rows),
                Sector = Read<short>(file, header.Rows),
                Size = Read<byte>(file, header.Rows),
                Missing = Read<ulong>(file, header.Rows),
                Values = Read<double>(file, header.Rows * header.Inputs),
                SetBits = Read<ulong>(file, header.Rows * header.SetsPerRow),
                FirstActivity = Read<int>(file, header.Rows + 1),
                Code = Read<int>(file, header.Activities),
                Share = Read<double>(file, header.Activities),
                Stages = Read<ulong>(file, header.Activities),
            };
            return new ImportedRegistry(header.FrameworkId, header.FrameworkVersion, header.Year, header.Population, header.Figures, header.Districts, header.Sectors, header.Sizes, header.Codes, rows);
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} is cut short or damaged: {e.Message}", e);
        }
    }

    private static void Write<T>(Stream file, T[] column)
        where T : unmanaged => file.Write(MemoryMarshal.AsBytes(column.AsSpan()));

    private static T[] Read<T>(Stream file, int count)
        where T : unmanaged
    {
        var column = new T[count];
        file.ReadExactly(MemoryMarshal.AsBytes(column.AsSpan()));
        return column;
    }

    private sealed record Header(
        string FrameworkId,
        string FrameworkVersion,
        int Year,
        RegistryPopulation Population,
        GroupTotals Figures,
        string[] Districts,
        string[] Sectors,
        string[] Sizes,
        string[] Codes,
        int Rows,
        int Inputs,
        int SetsPerRow,
        int Activities);
}
