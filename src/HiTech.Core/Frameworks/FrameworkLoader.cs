using System.Collections.Immutable;

namespace HiTech.Core.Frameworks;

/// <summary>The outcome of loading a framework: a compiled framework, or every error and no framework.</summary>
public sealed record FrameworkLoadResult(CompiledFramework? Framework, IReadOnlyList<FrameworkError> Errors)
{
    public bool IsValid => Framework is not null;
}

/// <summary>
/// Reads and compiles a framework definition, all or nothing: a framework with any error is never returned.
/// Takes text, not a path, so the core stays free of file I/O; <see cref="LoadFile"/> is the convenience for hosts.
/// </summary>
public static class FrameworkLoader
{
    public static FrameworkLoadResult Load(string yaml, string file, ImmutableArray<string> prioritySectorIds) =>
        Compile(FrameworkYamlReader.Read(yaml, file), file, prioritySectorIds);

    /// <summary>
    /// Reads the YAML on another thread while <paramref name="prioritySectorIds"/> is worked out (a host's first
    /// call loads the reference data): the two are independent until compiling, so a command starts sooner.
    /// </summary>
    public static FrameworkLoadResult Load(string yaml, string file, Func<ImmutableArray<string>> prioritySectorIds)
    {
        ArgumentNullException.ThrowIfNull(prioritySectorIds);
        var reading = Task.Run(() => FrameworkYamlReader.Read(yaml, file));
        var ids = prioritySectorIds();
        return Compile(reading.GetAwaiter().GetResult(), file, ids);
    }

    private static FrameworkLoadResult Compile((FrameworkDefinition? Definition, IReadOnlyList<FrameworkError> Errors) read, string file, ImmutableArray<string> prioritySectorIds)
    {
        var (definition, readErrors) = read;
        if (definition is null || readErrors.Count > 0)
        {
            // Structural faults first; compiling a half-read file would only add confusing follow-on errors.
            return new FrameworkLoadResult(null, readErrors);
        }

        var (framework, errors) = FrameworkCompiler.Compile(definition, file, prioritySectorIds);
        return new FrameworkLoadResult(framework, errors);
    }

    public static FrameworkLoadResult LoadFile(string path, ImmutableArray<string> prioritySectorIds)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FrameworkLoadResult(null, [new FrameworkError(path, 0, 0, "unreadable-file", e.Message)]);
        }

        return Load(text, path, prioritySectorIds);
    }
}
