using HiTech.Core.Frameworks;

namespace HiTech.Core.Maturity;

/// <summary>The outcome of loading an instrument: the instrument, or every error and no instrument.</summary>
public sealed record MaturityLoadResult(MaturityInstrument? Instrument, IReadOnlyList<FrameworkError> Errors)
{
    public bool IsValid => Instrument is not null;
}

/// <summary>
/// Reads and checks a maturity instrument (data/maturity/ID/VERSION.yaml), all or nothing: an instrument with any
/// error is never returned, and every error names file:line:column and a stable rule id. Takes text, not a path, so
/// the core stays free of file I/O; <see cref="LoadFile"/> is the convenience for hosts.
/// </summary>
public static class MaturityInstrumentLoader
{
    /// <param name="yaml">The instrument's text.</param>
    /// <param name="file">The name errors report.</param>
    /// <param name="schemeIds">When given, every scheme an action names must be one of these (see <see cref="SchemeCatalog.Ids"/>).</param>
    public static MaturityLoadResult Load(string yaml, string file, IReadOnlyCollection<string>? schemeIds = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var (instrument, errors) = MaturityInstrumentReader.Read(yaml, file, schemeIds);
        return new MaturityLoadResult(instrument, errors);
    }

    public static MaturityLoadResult LoadFile(string path, IReadOnlyCollection<string>? schemeIds = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new MaturityLoadResult(null, [new FrameworkError(path, 0, 0, "unreadable-file", e.Message)]);
        }

        return Load(text, path, schemeIds);
    }
}
