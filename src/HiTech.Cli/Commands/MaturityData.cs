using HiTech.Cli.Infrastructure;
using HiTech.Core.Maturity;

namespace HiTech.Cli.Commands;

/// <summary>
/// Finds and loads the maturity instrument and the schemes for the <c>hitech maturity</c> commands: an
/// <c>--instrument</c> value is a file path, or a shipped <c>id/version</c> under data/maturity (default
/// <see cref="DefaultInstrument"/>). Any error in either file is a <see cref="CliException"/> listing every error.
/// </summary>
public static class MaturityData
{
    public const string DefaultInstrument = "dma-kerala/2025.1";

    public const string SchemesFile = "kerala-schemes.yaml";

    public static string SchemesPath => Path.Combine(DataLocator.DataDirectory, "schemes", SchemesFile);

    /// <summary>The shipped schemes, or a <see cref="CliException"/> with every error.</summary>
    public static SchemeCatalog LoadSchemes(CliContext context)
    {
        var result = SchemeCatalogLoader.Load(Read(SchemesPath, SchemesPath), Path.GetRelativePath(context.WorkingDirectory, SchemesPath));
        return result.Catalog ?? throw new CliException(["the shipped schemes file is not valid:", .. result.Errors.Select(e => e.ToString())]);
    }

    /// <summary>Loads an instrument, checking every scheme its actions name against the shipped schemes.</summary>
    public static MaturityInstrument LoadInstrument(CliContext context, string? value)
    {
        var result = Validate(context, value);
        return result.Instrument ?? throw new CliException([$"{value ?? DefaultInstrument}: the instrument is not valid:", .. result.Errors.Select(e => e.ToString())]);
    }

    public static MaturityLoadResult Validate(CliContext context, string? value)
    {
        var name = string.IsNullOrWhiteSpace(value) ? DefaultInstrument : value;
        var path = Resolve(context, name);
        var display = File.Exists(context.Resolve(name)) ? name : Path.GetRelativePath(context.WorkingDirectory, path);
        return MaturityInstrumentLoader.Load(Read(path, name), display, LoadSchemes(context).Ids);
    }

    /// <summary>The instrument file a value names, or a <see cref="CliException"/> saying what was tried.</summary>
    public static string Resolve(CliContext context, string value)
    {
        var path = context.Resolve(value);
        if (File.Exists(path))
        {
            return path;
        }

        var parts = value.Split('/', '\\');
        if (parts.Length == 2 && parts.All(p => p.Length > 0 && !p.StartsWith('.')))
        {
            var shipped = Path.Combine(DataLocator.DataDirectory, "maturity", parts[0], parts[1] + ".yaml");
            if (File.Exists(shipped))
            {
                return shipped;
            }
        }

        throw new CliException($"{value}: no such instrument file, and not a shipped instrument id/version (shipped: {string.Join(", ", Shipped())})");
    }

    /// <summary>The shipped instruments as id/version.</summary>
    public static IEnumerable<string> Shipped()
    {
        var root = Path.Combine(DataLocator.DataDirectory, "maturity");
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(f => f.Count(c => c == '/') == 1)
                .Select(f => f[..^".yaml".Length])
                .Order(StringComparer.Ordinal)
            : [];
    }

    /// <summary>Reads an answers file; a missing, unreadable or malformed file is a <see cref="CliException"/>.</summary>
    public static MaturityAnswerSheet ReadAnswers(CliContext context, string value)
    {
        var path = context.Resolve(value);
        if (!File.Exists(path))
        {
            throw new CliException($"{value}: no such file");
        }

        var (sheet, errors) = MaturityAnswersJson.Read(Read(path, value), value);
        return sheet ?? throw new CliException(errors.Count > 0 ? errors : [$"{value}: not a valid answers file"]);
    }

    /// <summary>Scores a sheet; answers the instrument cannot take are a <see cref="CliException"/> naming each one.</summary>
    public static MaturityResult Score(MaturityInstrument instrument, MaturityAnswerSheet sheet, string source)
    {
        var result = MaturityScorer.Score(instrument, sheet.Profile, sheet.Answers);
        if (!result.IsValid)
        {
            throw new CliException([
                $"{source}: the answers do not fit {instrument.Reference}:",
                .. result.Errors.Select(e => $"{source}: $.{(e.QuestionId.StartsWith("profile.", StringComparison.Ordinal) ? e.QuestionId : "answers." + e.QuestionId)}: {e.Rule}: {e.Message}"),
            ]);
        }

        return result;
    }

    private static string Read(string path, string shown)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{shown}: cannot be read: {e.Message}");
        }
    }
}
