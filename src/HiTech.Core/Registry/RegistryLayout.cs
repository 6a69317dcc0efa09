using System.Globalization;
using HiTech.Core.Frameworks;
using HiTech.Core.Scoring;

namespace HiTech.Core.Registry;

/// <summary>
/// Where each column the framework needs sits in a registry file. Built once from the header row;
/// a file that lacks a required column is refused as a whole, before any row is read.
/// </summary>
public sealed class RegistryLayout
{
    public const string EnterpriseId = "enterprise_id";
    public const string Name = "name";
    public const string District = "district";
    public const string Activities = "activities";

    private RegistryLayout(int[] inputColumns, int idColumn, int nameColumn, int districtColumn, int activitiesColumn, int columnCount, IReadOnlyList<string> ignored)
    {
        InputColumns = inputColumns;
        IdColumn = idColumn;
        NameColumn = nameColumn;
        DistrictColumn = districtColumn;
        ActivitiesColumn = activitiesColumn;
        ColumnCount = columnCount;
        IgnoredColumns = ignored;
    }

    /// <summary>Column of each framework input, by input slot; -1 when the file has no such column.</summary>
    public int[] InputColumns { get; }

    public int IdColumn { get; }

    public int NameColumn { get; }

    public int DistrictColumn { get; }

    public int ActivitiesColumn { get; }

    public int ColumnCount { get; }

    /// <summary>Header names the framework does not read; reported once, never an error.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; }

    /// <summary>Maps the header to the framework; returns the problems that make the file unusable.</summary>
    public static (RegistryLayout? Layout, IReadOnlyList<string> Errors) From(IReadOnlyList<string> header, CompiledFramework framework)
    {
        var errors = new List<string>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);

        // One problem per kind of fault, however many columns share it: a file that is not CSV at all can have a
        // header of tens of thousands of empty or repeated names (found by fuzzing).
        var unnamed = new List<int>();
        var repeated = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF').ToLowerInvariant();
            if (name.Length == 0)
            {
                unnamed.Add(i + 1);
            }
            else if (!positions.TryAdd(name, i))
            {
                if (!repeated.TryGetValue(name, out var columns))
                {
                    repeated[name] = columns = [positions[name] + 1];
                }

                columns.Add(i + 1);
            }
        }

        if (unnamed.Count > 0)
        {
            errors.Add(unnamed.Count == 1 ? $"column {unnamed[0]} has no name in the header" : $"columns {Columns(unnamed)} have no name in the header");
        }

        foreach (var (name, columns) in repeated)
        {
            var times = columns.Count == 2 ? "twice" : string.Create(CultureInfo.InvariantCulture, $"{columns.Count:N0} times");
            errors.Add($"the column '{InputRules.Shorten(name)}' appears {times} in the header (columns {Columns(columns)})");
        }

        int Require(string name)
        {
            if (positions.TryGetValue(name, out var index))
            {
                return index;
            }

            errors.Add($"the required column '{name}' is missing");
            return -1;
        }

        var id = Require(EnterpriseId);
        var district = Require(District);
        var activities = Require(Activities);
        var inputColumns = new int[framework.Inputs.Length];
        foreach (var input in framework.Inputs)
        {
            if (positions.TryGetValue(input.Id, out var index))
            {
                inputColumns[input.Slot] = index;
            }
            else if (input.Definition.Required)
            {
                errors.Add($"the column '{input.Id}' is missing; framework {framework.Id} {framework.Version} requires it");
                inputColumns[input.Slot] = -1;
            }
            else
            {
                inputColumns[input.Slot] = -1;
            }
        }

        var known = new HashSet<string>([EnterpriseId, Name, District, Activities, .. framework.Inputs.Select(i => i.Id)], StringComparer.Ordinal);
        var ignored = positions.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var nameColumn = positions.GetValueOrDefault(Name, -1);
        return (new RegistryLayout(inputColumns, id, nameColumn, district, activities, header.Count, ignored), errors);
    }

    /// <summary>"3 and 7", "3, 7 and 9", or the first five and how many more.</summary>
    private static string Columns(List<int> columns)
    {
        const int Shown = 5;
        if (columns.Count > Shown)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", columns.Take(Shown))} and {columns.Count - Shown:N0} more");
        }

        return string.Join(", ", columns.Take(columns.Count - 1)) + " and " + columns[^1].ToString(CultureInfo.InvariantCulture);
    }
}
