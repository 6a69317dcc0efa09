using System.Globalization;
using HiTech.Core.Frameworks;
using HiTech.Core.Maturity;

namespace HiTech.Core.Collaboration;

/// <summary>The outcome of loading a weights file: the weights, or every error (file:line:column, rule) and none.</summary>
public sealed record MatchingWeightsLoadResult(MatchingWeights? Weights, IReadOnlyList<FrameworkError> Errors);

/// <summary>
/// Reads matching weights (docs/collaboration-formats.md), all or nothing, every fault with its position and a rule id:
/// unknown or missing fields, negative points, NIC levels or district distances out of order, a ramp whose full-points
/// day is not before its zero day, and points that do not add up to 100 at best.
/// </summary>
public static class MatchingWeightsLoader
{
    public const string Folder = "collaboration/matching";

    public static MatchingWeightsLoadResult Load(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var reader = new YamlNodeReader(file, yaml, []);
        var weights = Read(yaml, reader);
        return reader.Errors.Count > 0 ? new MatchingWeightsLoadResult(null, reader.Errors) : new MatchingWeightsLoadResult(weights, []);
    }

    /// <summary>The weights files shipped under the data folder's <see cref="Folder"/>, by version (file name), oldest first.</summary>
    public static IReadOnlyList<(Version Version, string Path)> Shipped(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, Folder);
        return [.. (Directory.Exists(folder) ? Directory.GetFiles(folder, "*.yaml") : [])
            .Select(f => (Ok: Version.TryParse(Path.GetFileNameWithoutExtension(f), out var v), Version: v!, Path: f))
            .Where(s => s.Ok)
            .Select(s => (s.Version, s.Path))
            .OrderBy(s => s.Version)];
    }

    public static MatchingWeightsLoadResult LoadFile(string path)
    {
        try
        {
            return Load(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new MatchingWeightsLoadResult(null, [new FrameworkError(path, 0, 0, "unreadable-file", e.Message)]);
        }
    }

    private static MatchingWeights? Read(string yaml, YamlNodeReader reader)
    {
        if (MaturityInstrumentReader.LoadDocument(yaml, reader, "a matching weights") is not { } rootNode ||
            reader.AsMap(rootNode, "the weights file", "id", "version", "effective", "points") is not { } root)
        {
            return null;
        }

        var id = root.String("id", required: true) ?? "";
        var version = root.String("version", required: true) ?? "";
        var effectiveText = root.String("effective", required: true);
        var effective = DateOnly.MinValue;
        if (effectiveText is not null && !DateOnly.TryParseExact(effectiveText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out effective))
        {
            reader.Error(root.PositionOf("effective"), "wrong-type", "'effective' must be a date written yyyy-MM-dd.");
        }

        if (!root.Has("points"))
        {
            reader.Error(root.Node, "missing-field", "The weights file needs a 'points' mapping.");
            return null;
        }

        if (reader.AsMap(root.Get("points"), "'points'", "nic", "stage", "district", "text", "responsiveness", "freshness") is not { } points)
        {
            return null;
        }

        var nic = reader.AsMap(points.Get("nic"), "'nic'", "subclass", "class", "group", "division");
        var district = reader.AsMap(points.Get("district"), "'district'", "same", "neighbouring", "elsewhere_in_kerala", "outside_kerala", "remote");
        foreach (var key in new[] { "nic", "district", "responsiveness", "freshness" }.Where(k => !points.Has(k)))
        {
            reader.Error(points.Node, "missing-field", $"'points' needs a '{key}' mapping.");
        }

        double Points(YamlNodeReader.Map? map, string key)
        {
            if (map?.Number(key, required: true) is not { } value)
            {
                return 0;
            }

            if (value < 0)
            {
                reader.Error(map.PositionOf(key), "negative-points", $"'{key}' cannot be negative ({value.ToString(CultureInfo.InvariantCulture)}).");
            }

            return value;
        }

        var weights = new MatchingWeights
        {
            Id = id,
            Version = version,
            Effective = effective,
            NicSubclass = Points(nic, "subclass"),
            NicClass = Points(nic, "class"),
            NicGroup = Points(nic, "group"),
            NicDivision = Points(nic, "division"),
            Stage = Points(points, "stage"),
            SameDistrict = Points(district, "same"),
            NeighbouringDistrict = Points(district, "neighbouring"),
            ElsewhereInKerala = Points(district, "elsewhere_in_kerala"),
            OutsideKerala = Points(district, "outside_kerala"),
            Remote = Points(district, "remote"),
            Text = Points(points, "text"),
            Responsiveness = Ramp(reader, points, "responsiveness"),
            Freshness = Ramp(reader, points, "freshness"),
        };

        if (nic is not null && !(weights.NicSubclass >= weights.NicClass && weights.NicClass >= weights.NicGroup && weights.NicGroup >= weights.NicDivision))
        {
            reader.Error(nic.Position, "nic-order", "NIC points must not grow as codes drift apart: subclass >= class >= group >= division.");
        }

        if (district is not null && !(weights.SameDistrict >= weights.NeighbouringDistrict && weights.NeighbouringDistrict >= weights.ElsewhereInKerala && weights.ElsewhereInKerala >= weights.OutsideKerala))
        {
            reader.Error(district.Position, "district-order", "District points must not grow with distance: same >= neighbouring >= elsewhere_in_kerala >= outside_kerala.");
        }

        if (reader.Errors.Count == 0 && Math.Abs(weights.Maximum - 100) > 1e-9)
        {
            reader.Error(points.Position, "points-total", string.Create(CultureInfo.InvariantCulture,
                $"The best possible match must score 100 (nic subclass + stage + the larger of district same and remote + text + responsiveness + freshness points), not {weights.Maximum}."));
        }

        return weights;
    }

    private static DayRamp Ramp(YamlNodeReader reader, YamlNodeReader.Map points, string key)
    {
        if (reader.AsMap(points.Get(key), $"'{key}'", "points", "full_days", "zero_days", "unknown") is not { } map)
        {
            return new DayRamp(0, 0, 1, 0);
        }

        var ramp = new DayRamp(map.Number("points", true) ?? 0, map.Number("full_days", true) ?? 0, map.Number("zero_days", true) ?? 1, map.Number("unknown", true) ?? 0);
        if (ramp.Points < 0 || ramp.FullDays < 0)
        {
            reader.Error(map.Position, "negative-points", $"The points and days of '{key}' cannot be negative.");
        }

        if (ramp.ZeroDays <= ramp.FullDays)
        {
            reader.Error(map.PositionOf("zero_days"), "ramp-order", $"'zero_days' of '{key}' must be after 'full_days'.");
        }

        if (ramp.Unknown is < 0 or > 1)
        {
            reader.Error(map.PositionOf("unknown"), "unknown-share", $"'unknown' of '{key}' is the share of its points given when nothing is known: 0 to 1.");
        }

        return ramp;
    }
}
