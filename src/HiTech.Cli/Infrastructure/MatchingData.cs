using HiTech.Core.Collaboration;

namespace HiTech.Cli.Infrastructure;

/// <summary>Resolves <c>--weights</c>: a file, or a version shipped under data/collaboration/matching (default: the latest).</summary>
public static class MatchingData
{
    public static MatchingWeights LoadWeights(CliContext context, string? value)
    {
        var path = Resolve(context, value);
        var result = MatchingWeightsLoader.LoadFile(path);
        return result.Weights ?? throw new CliException([$"{value ?? path}: the matching weights are not valid:", .. result.Errors.Select(e => e.ToString())]);
    }

    private static string Resolve(CliContext context, string? value)
    {
        var folder = Path.Combine(DataLocator.DataDirectory, MatchingWeightsLoader.Folder);
        if (value is null)
        {
            var versions = MatchingWeightsLoader.Shipped(DataLocator.DataDirectory);
            var latest = versions.Count > 0 ? versions[^1] : default;
            return latest.Path ?? throw new CliException($"no matching weights are shipped in {folder}");
        }

        var path = context.Resolve(value);
        if (File.Exists(path))
        {
            return path;
        }

        var shipped = Path.Combine(folder, value + ".yaml");
        return File.Exists(shipped)
            ? shipped
            : throw new CliException($"{value}: no such weights file, and not a shipped version (shipped: {string.Join(", ", MatchingWeightsLoader.Shipped(DataLocator.DataDirectory).Select(s => s.Version))})");
    }
}
