using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HiTech.Core.Frameworks;

/// <summary>
/// Reads typed values out of a YAML mapping and records an error, with its position, for anything missing,
/// mistyped or unknown. Reading never throws: a reader collects every fault in one pass.
/// </summary>
internal sealed class YamlNodeReader(string file, string source, List<FrameworkError> errors)
{
    public string File { get; } = file;

    public string Source { get; } = source;

    public List<FrameworkError> Errors { get; } = errors;

    public static SourcePosition PositionOf(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

    public void Error(YamlNode node, string rule, string message) => Error(PositionOf(node), rule, message);

    public void Error(SourcePosition position, string rule, string message) =>
        Errors.Add(new FrameworkError(File, position.Line, position.Column, rule, message));

    /// <summary>Wraps a mapping whose keys are data (labels, table entries), so any key is allowed.</summary>
    public Map? AsOpenMap(YamlNode? node, string what) => AsMap(node, what, null);

    /// <summary>Wraps a mapping; <paramref name="allowed"/> lists every key the format knows at this place.</summary>
    public Map? AsMap(YamlNode? node, string what, params string[]? allowed)
    {
        if (node is YamlMappingNode mapping)
        {
            var map = new Map(this, mapping, what);
            foreach (var key in allowed is null ? [] : mapping.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!allowed!.Contains(name, StringComparer.Ordinal))
                {
                    Error(key, "unknown-field", $"'{name}' is not a field of {what}. Known fields: {string.Join(", ", allowed!)}.");
                }
            }

            return map;
        }

        if (node is not null)
        {
            Error(node, "wrong-type", $"{Capital(what)} must be a mapping of fields.");
        }

        return null;
    }

    public IEnumerable<YamlNode> AsSequence(YamlNode? node, string what)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children;
        }

        if (node is not null)
        {
            Error(node, "wrong-type", $"{Capital(what)} must be a list.");
        }

        return [];
    }

    public bool TryNumber(YamlNode node, string what, out double value)
    {
        value = 0;
        if (node is YamlScalarNode { Value: { } text } scalar && scalar.Style is ScalarStyle.Plain or ScalarStyle.Any &&
            double.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return true;
        }

        Error(node, "wrong-type", $"{Capital(what)} must be a number.");
        return false;
    }

    public LocalText Text(YamlNode? node, string what)
    {
        switch (node)
        {
            case null:
                return LocalText.Empty;
            case YamlScalarNode scalar:
                return new LocalText(scalar.Value ?? "");
            case YamlMappingNode:
                var map = AsMap(node, what, "en", "ml")!;
                var en = map.String("en", required: true) ?? "";
                return new LocalText(en, map.String("ml", required: false));
            default:
                Error(node, "wrong-type", $"{Capital(what)} must be text, or a mapping with 'en' and 'ml'.");
                return LocalText.Empty;
        }
    }

    /// <summary>
    /// Reads a text a user reads, which must be given in English and Malayalam; an absent text stays empty. A plain
    /// string or a mapping without 'ml' is refused at its position, so no page shows English in place of Malayalam.
    /// </summary>
    public LocalText Bilingual(YamlNode? node, string what)
    {
        if (node is null)
        {
            return LocalText.Empty;
        }

        var before = Errors.Count;
        var text = Text(node, what);
        if (Errors.Count == before && string.IsNullOrWhiteSpace(text.Ml))
        {
            Error(node, "missing-malayalam", $"{Capital(what)} needs Malayalam as well as English: write it as {{ en: ..., ml: ... }}.");
        }

        return text;
    }

    public ImmutableArray<string> StringList(YamlNode? node, string what)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var item in AsSequence(node, what))
        {
            if (item is YamlScalarNode { Value: { } value })
            {
                builder.Add(value);
            }
            else
            {
                Error(item, "wrong-type", $"Each item of {what} must be a plain value.");
            }
        }

        return builder.ToImmutable();
    }

    public static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A mapping being read.</summary>
    internal sealed class Map(YamlNodeReader reader, YamlMappingNode node, string what)
    {
        public YamlMappingNode Node { get; } = node;

        public SourcePosition Position => YamlNodeReader.PositionOf(Node);

        public YamlNode? Get(string key) =>
            Node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        public bool Has(string key) => Get(key) is not null;

        public SourcePosition PositionOf(string key) => Get(key) is { } value ? YamlNodeReader.PositionOf(value) : Position;

        /// <summary>Where an expression's text lies in the file, line by line.</summary>
        public ExpressionLocation ExpressionAt(string key) =>
            Get(key) is YamlScalarNode scalar ? ExpressionLocation.Of(scalar, reader.Source) : new ExpressionLocation([(0, Position.Line, Position.Column)]);

        public string? String(string key, bool required)
        {
            var value = Get(key);
            if (value is null)
            {
                if (required)
                {
                    reader.Error(Node, "missing-field", $"{Capital(what)} needs a '{key}' field.");
                }

                return null;
            }

            if (value is YamlScalarNode { Value: { } text } && text.Length > 0)
            {
                return text;
            }

            reader.Error(value, "wrong-type", $"'{key}' of {what} must be a non-empty plain value.");
            return null;
        }

        public double? Number(string key, bool required)
        {
            var value = Get(key);
            if (value is null)
            {
                if (required)
                {
                    reader.Error(Node, "missing-field", $"{Capital(what)} needs a '{key}' field.");
                }

                return null;
            }

            return reader.TryNumber(value, $"'{key}' of {what}", out var number) ? number : null;
        }

        public bool Bool(string key, bool fallback)
        {
            var value = Get(key);
            if (value is null)
            {
                return fallback;
            }

            if (value is YamlScalarNode { Value: "true" or "false" } scalar)
            {
                return scalar.Value == "true";
            }

            reader.Error(value, "wrong-type", $"'{key}' of {what} must be true or false.");
            return fallback;
        }
    }
}
