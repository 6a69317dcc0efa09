namespace HiTech.Core.Reference;

/// <summary>
/// All reference data the platform classifies with. The only place in this namespace that touches the
/// file system; every loader it calls reads from a <see cref="TextReader"/>.
/// </summary>
public sealed class ReferenceData
{
    public const string NicFile = "classifications/nic2008.csv";
    public const string NicMalayalamFile = "classifications/nic2008-ml.csv";
    public const string OecdFile = "classifications/oecd-rd-intensity.csv";
    public const string EurostatFile = "classifications/eurostat-technology.csv";
    public const string PrioritySectorsFile = "reference/priority-sectors.csv";
    public const string DistrictsFile = "reference/districts.csv";
    public const string MsmeFile = "reference/msme-size-classes.yaml";

    public required NicCatalog Nic { get; init; }

    /// <summary>Malayalam NIC titles; codes without one are shown in English, marked as English.</summary>
    public required NicMalayalamTitles NicMalayalam { get; init; }

    public required DistrictDirectory Districts { get; init; }

    public required MsmeClassifier Msme { get; init; }

    public required PrioritySectorCatalog PrioritySectors { get; init; }

    /// <summary>Loads every file from a folder holding classifications/ and reference/ (the project's data folder).</summary>
    public static ReferenceData LoadFromDirectory(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var sectors = Read(dataDirectory, PrioritySectorsFile, PrioritySectorCatalog.Load);
        using var nic = Open(dataDirectory, NicFile, out var nicSource);
        using var oecd = Open(dataDirectory, OecdFile, out var oecdSource);
        using var eurostat = Open(dataDirectory, EurostatFile, out var eurostatSource);
        var catalog = NicCatalog.Load(nic, nicSource, oecd, oecdSource, eurostat, eurostatSource, sectors);
        return new ReferenceData
        {
            PrioritySectors = sectors,
            Nic = catalog,
            NicMalayalam = Read(dataDirectory, NicMalayalamFile, (reader, source) => NicMalayalamTitles.Load(reader, source, catalog)),
            Districts = Read(dataDirectory, DistrictsFile, DistrictDirectory.Load),
            Msme = Read(dataDirectory, MsmeFile, MsmeClassifier.Load),
        };
    }

    /// <summary>
    /// The first "data" folder holding classifications/nic2008.csv: AppContext.BaseDirectory/data, then
    /// <paramref name="start"/> (default: the current directory) and each of its parents, as "data" or holding "data".
    /// </summary>
    public static string LocateDataDirectory(string? start = null)
    {
        var looked = new List<string>();
        foreach (var candidate in Candidates(start ?? Environment.CurrentDirectory))
        {
            looked.Add(candidate);
            if (File.Exists(Path.Combine(candidate, NicFile)))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No data folder with {NicFile} was found. Looked in: {string.Join("; ", looked)}. " +
            "Run from the project tree or copy the data folder beside the application.");
    }

    private static IEnumerable<string> Candidates(string start)
    {
        yield return Path.Combine(AppContext.BaseDirectory, "data");
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (string.Equals(dir.Name, "data", StringComparison.Ordinal))
            {
                yield return dir.FullName;
            }

            yield return Path.Combine(dir.FullName, "data");
        }
    }

    internal static T Read<T>(string dataDirectory, string file, Func<TextReader, string, T> load)
    {
        using var reader = Open(dataDirectory, file, out var source);
        return load(reader, source);
    }

    private static StreamReader Open(string dataDirectory, string file, out string source)
    {
        source = Path.GetFullPath(Path.Combine(dataDirectory, file));
        try
        {
            return new StreamReader(source, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReferenceDataException(source, 0, "(file)", "cannot be read: " + e.Message, e);
        }
    }
}
