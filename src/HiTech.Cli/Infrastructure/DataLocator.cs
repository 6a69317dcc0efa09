using HiTech.Core.Frameworks;
using HiTech.Core.Reference;

namespace HiTech.Cli.Infrastructure;

/// <summary>
/// Finds the shipped data folder (beside the executable first), and resolves <c>--framework</c> values: a file
/// path relative to the working directory, or an <c>id/version</c> shorthand such as <c>kerala-htmf/2025.1</c> for a framework shipped under data/frameworks.
/// </summary>
public static class DataLocator
{
    private static readonly Lazy<string> LazyDirectory = new(() => ReferenceData.LocateDataDirectory());

    public static string DataDirectory => Guard(() => LazyDirectory.Value);

    /// <summary>The framework file a <c>--framework</c> value names, or a <see cref="CliException"/> saying what was tried.</summary>
    public static string ResolveFramework(CliContext context, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new CliException("the framework is empty: give a framework file or a shipped id/version such as kerala-htmf/2025.1");
        }

        var path = context.Resolve(value);
        if (File.Exists(path))
        {
            return path;
        }

        if (Directory.Exists(path) && File.Exists(Path.Combine(path, "framework.yaml")))
        {
            return Path.Combine(path, "framework.yaml");
        }

        var parts = value.Split('/', '\\');
        if (parts.Length == 2 && parts.All(p => p.Length > 0 && p.IndexOfAny(['.', ' ']) != 0))
        {
            var shipped = Path.Combine(DataDirectory, "frameworks", parts[0], parts[1], "framework.yaml");
            if (File.Exists(shipped))
            {
                return shipped;
            }
        }

        throw new CliException($"{value}: no such framework file, and not a shipped framework id/version (shipped: {string.Join(", ", Shipped())})");
    }

    /// <summary>Loads and compiles a framework; an invalid one is a <see cref="CliException"/> listing every error as file:line:col: rule: message.</summary>
    public static CompiledFramework LoadFramework(CliContext context, string value)
    {
        var result = Validate(context, value);
        return result.Framework ?? throw new CliException([$"{value}: the framework is not valid:", .. result.Errors.Select(e => e.ToString())]);
    }

    /// <summary>Loads a framework, reporting errors against the name the user typed.</summary>
    public static FrameworkLoadResult Validate(CliContext context, string value)
    {
        var path = ResolveFramework(context, value);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{value}: cannot be read: {e.Message}");
        }

        var display = File.Exists(context.Resolve(value)) ? value : Path.GetRelativePath(context.WorkingDirectory, path);
        return FrameworkLoader.Load(text, display, () => context.Classifier.SectorIds);
    }

    /// <summary>The shipped frameworks as id/version.</summary>
    public static IEnumerable<string> Shipped()
    {
        var root = Path.Combine(DataDirectory, "frameworks");
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateFiles(root, "framework.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, Path.GetDirectoryName(f)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Runs a load of shipped data, turning a missing or broken data folder into a <see cref="CliException"/>.</summary>
    internal static T Guard<T>(Func<T> load)
    {
        try
        {
            return load();
        }
        catch (DirectoryNotFoundException e)
        {
            throw new CliException(e.Message, e);
        }
        catch (ReferenceDataException e)
        {
            throw new CliException("the shipped reference data is broken: " + e.Message, e);
        }
    }
}
