using HiTech.Core.Reference;

namespace HiTech.Core.Collaboration;

/// <summary>
/// Which of Kerala's districts share a border (data/reference/district-neighbours.csv, each pair once, either way
/// round). Districts are numbered by their position in <see cref="DistrictDirectory.All"/>.
/// </summary>
public sealed class DistrictNeighbours
{
    private readonly bool[,] _adjacent;

    private DistrictNeighbours(bool[,] adjacent) => _adjacent = adjacent;

    public bool AreNeighbours(int a, int b) => a != b && _adjacent[a, b];

    public static DistrictNeighbours Load(TextReader csv, string source, DistrictDirectory districts)
    {
        var count = districts.All.Count;
        var adjacent = new bool[count, count];
        var position = districts.All.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        int Resolve(CsvRecord record, int index, string column)
        {
            var text = ReferenceCsv.Text(record, index, column, source);
            return position.TryGetValue(text, out var at) ? at : throw new ReferenceDataException(source, record.Line, column, $"'{text}' is not a district id of {ReferenceData.DistrictsFile}");
        }

        foreach (var record in ReferenceCsv.Read(csv, source, "district", "neighbour"))
        {
            var a = Resolve(record, 0, "district");
            var b = Resolve(record, 1, "neighbour");
            if (a == b)
            {
                throw new ReferenceDataException(source, record.Line, "neighbour", "a district is not its own neighbour");
            }

            if (adjacent[a, b])
            {
                throw new ReferenceDataException(source, record.Line, "neighbour", "this pair is already given");
            }

            adjacent[a, b] = adjacent[b, a] = true;
        }

        return new DistrictNeighbours(adjacent);
    }
}
