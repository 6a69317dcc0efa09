using System.Globalization;
using HiTech.Core.Reference;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HiTech.Core.Analytics;

/// <summary>
/// The parameters of disclosure control, read from data/analytics/disclosure.yaml: the minimum number of
/// enterprises in a published cell and the p of the p% dominance rule, with where they come from.
/// </summary>
public sealed record DisclosureRules(int MinFrequency, decimal PPercent, string Source)
{
    /// <summary>The file under the data directory.</summary>
    public const string File = "analytics/disclosure.yaml";

    public static DisclosureRules LoadFromDirectory(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, File);
        using var reader = new StreamReader(path);
        return Load(reader, path);
    }

    /// <summary>Reads and checks the rules; every problem names the file, the line and the rule broken.</summary>
    public static DisclosureRules Load(TextReader yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(yaml);
        }
        catch (YamlException e)
        {
            throw new ReferenceDataException(source, (int)e.Start.Line, "(yaml)", "not valid YAML: " + e.Message, e);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ReferenceDataException(source, 1, "(root)", "expected one YAML document holding source, min_frequency and p_percent");
        }

        foreach (var key in root.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: "source" or "min_frequency" or "p_percent" })
            {
                throw new ReferenceDataException(source, (int)key.Start.Line, key.ToString(), "is not a disclosure setting (expected source, min_frequency, p_percent)");
            }
        }

        var origin = Scalar(root, "source", source);
        if (string.IsNullOrWhiteSpace(origin.Value))
        {
            throw new ReferenceDataException(source, (int)origin.Start.Line, "source", "must cite where the parameters come from");
        }

        var frequency = Scalar(root, "min_frequency", source);
        if (!int.TryParse(frequency.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minFrequency) || minFrequency < 1)
        {
            throw new ReferenceDataException(source, (int)frequency.Start.Line, "min_frequency", $"'{frequency.Value}' is not a whole number of enterprises of 1 or more");
        }

        var p = Scalar(root, "p_percent", source);
        if (!decimal.TryParse(p.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pPercent) || pPercent is <= 0 or > 100)
        {
            throw new ReferenceDataException(source, (int)p.Start.Line, "p_percent", $"'{p.Value}' is not a percentage above 0 and at most 100");
        }

        return new DisclosureRules(minFrequency, pPercent, origin.Value!);
    }

    private static YamlScalarNode Scalar(YamlMappingNode root, string key, string source) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var node)
            ? node as YamlScalarNode ?? throw new ReferenceDataException(source, (int)node.Start.Line, key, "must be a single value")
            : throw new ReferenceDataException(source, (int)root.Start.Line, key, "is missing");
}
