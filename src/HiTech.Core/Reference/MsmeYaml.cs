using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HiTech.Core.Reference;

/// <summary>
/// Reads msme-size-classes.yaml through YamlDotNet's node model, so every problem can name its line:
/// editions in date order, positive whole-rupee limits that grow from micro to medium.
/// </summary>
internal static class MsmeYaml
{
    public static List<MsmeLimits> Read(TextReader reader, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ReferenceDataException(source, (int)e.Start.Line, "(yaml)", "not valid YAML: " + e.Message, e);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ReferenceDataException(source, 1, "(root)", "expected one YAML document holding a mapping with 'editions'");
        }

        if (Child(root, "editions", source) is not YamlSequenceNode list || list.Children.Count == 0)
        {
            throw new ReferenceDataException(source, Line(root), "editions", "expected a non-empty list of editions");
        }

        var editions = new List<MsmeLimits>();
        foreach (var node in list.Children)
        {
            var edition = node as YamlMappingNode ?? throw new ReferenceDataException(source, Line(node), "editions", "each edition must be a mapping");
            var from = Date(edition, "effective_from", source);
            if (editions.Count > 0 && from <= editions[^1].EffectiveFrom)
            {
                throw new ReferenceDataException(source, Line(edition), "effective_from", "editions must be in increasing date order");
            }

            _ = Text(edition, "rule", source);
            var (microI, microT) = Pair(edition, "micro", source);
            var (smallI, smallT) = Pair(edition, "small", source);
            var (mediumI, mediumT) = Pair(edition, "medium", source);
            if (!(microI < smallI && smallI < mediumI && microT < smallT && smallT < mediumT))
            {
                throw new ReferenceDataException(source, Line(edition), "micro/small/medium", "limits must grow from micro to small to medium on both counts");
            }

            editions.Add(new MsmeLimits(from, Text(edition, "source", source), microI, microT, smallI, smallT, mediumI, mediumT));
        }

        return editions;
    }

    private static (decimal Investment, decimal Turnover) Pair(YamlMappingNode edition, string size, string source)
    {
        var node = Child(edition, size, source) as YamlMappingNode
            ?? throw new ReferenceDataException(source, Line(edition), size, "expected a mapping with investment_inr and turnover_inr");
        return (Rupees(node, size, "investment_inr", source), Rupees(node, size, "turnover_inr", source));
    }

    private static decimal Rupees(YamlMappingNode node, string size, string key, string source)
    {
        var value = Child(node, key, source) as YamlScalarNode;
        if (value?.Value is not { } text
            || !decimal.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rupees)
            || rupees <= 0)
        {
            throw new ReferenceDataException(source, Line(value ?? (YamlNode)node), $"{size}.{key}", $"'{value?.Value}' is not a positive whole number of rupees");
        }

        return rupees;
    }

    private static DateOnly Date(YamlMappingNode node, string key, string source)
    {
        var value = Child(node, key, source) as YamlScalarNode;
        return value?.Value is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ReferenceDataException(source, Line(value ?? (YamlNode)node), key, $"'{value?.Value}' is not a date like 2020-07-01");
    }

    private static string Text(YamlMappingNode node, string key, string source)
    {
        var value = Child(node, key, source) as YamlScalarNode;
        return value?.Value is { Length: > 0 } text
            ? text
            : throw new ReferenceDataException(source, Line(value ?? (YamlNode)node), key, "must be a non-empty text");
    }

    private static YamlNode Child(YamlMappingNode node, string key, string source) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child)
            ? child
            : throw new ReferenceDataException(source, Line(node), key, "is missing");

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
