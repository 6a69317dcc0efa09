using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace HiTech.Core.Frameworks;

/// <summary>
/// Turns framework YAML into a <see cref="FrameworkDefinition"/>, collecting every structural fault with its
/// position. Semantic checks (names, types, weights, tiers) belong to <see cref="FrameworkCompiler"/>.
/// </summary>
public static class FrameworkYamlReader
{
    private static readonly string[] TopFields =
        ["id", "version", "effective", "title", "description", "domains", "inputs", "derived", "tables", "pillars", "gates", "tiers", "activities", "checks", "evidence", "levers"];

    public static (FrameworkDefinition? Definition, IReadOnlyList<FrameworkError> Errors) Read(string yaml, string file)
    {
        var errors = new List<FrameworkError>();
        if (NulCharacter(file, yaml) is { } nul)
        {
            errors.Add(nul);
            return (null, errors);
        }

        var reader = new YamlNodeReader(file, yaml, errors);
        YamlStream stream = [];
        var parser = new TrackingParser(new Parser(new StringReader(yaml)));
        try
        {
            stream.Load(parser);
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            errors.Add(SyntaxError(file, yaml, e, parser));
            return (null, errors);
        }

        if (stream.Documents.Count != 1)
        {
            errors.Add(new FrameworkError(file, 1, 1, "yaml-syntax", "A framework file holds exactly one YAML document."));
            return (null, errors);
        }

        var root = reader.AsMap(stream.Documents[0].RootNode, "the framework", TopFields);
        if (root is null)
        {
            return (null, errors);
        }

        var effectiveText = root.String("effective", required: true);
        var effective = default(DateOnly);
        if (effectiveText is not null && !DateOnly.TryParseExact(effectiveText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out effective))
        {
            reader.Error(root.PositionOf("effective"), "wrong-type", "'effective' must be a date written yyyy-MM-dd.");
        }

        var activities = reader.AsMap(root.Get("activities"), "activities", "hva_rules");
        var definition = new FrameworkDefinition(
            root.String("id", required: true) ?? "",
            root.String("version", required: true) ?? "",
            effective,
            reader.Bilingual(root.Get("title"), "the title"),
            reader.Bilingual(root.Get("description"), "the description"),
            [.. reader.AsSequence(root.Get("domains"), "domains").Select(n => ReadDomain(reader, n)).OfType<DomainDefinition>()],
            [.. reader.AsSequence(root.Get("inputs"), "inputs").Select(n => ReadInput(reader, n)).OfType<InputDefinition>()],
            [.. reader.AsSequence(root.Get("derived"), "derived").Select(n => ReadDerived(reader, n)).OfType<DerivedDefinition>()],
            [.. reader.AsSequence(root.Get("tables"), "tables").Select(n => ReadTable(reader, n)).OfType<TableDefinition>()],
            [.. reader.AsSequence(root.Get("pillars"), "pillars").Select(n => ReadPillar(reader, n)).OfType<PillarDefinition>()],
            [.. reader.AsSequence(root.Get("gates"), "gates").Select(n => ReadGate(reader, n)).OfType<GateDefinition>()],
            [.. reader.AsSequence(root.Get("tiers"), "tiers").Select(n => ReadTier(reader, n)).OfType<TierDefinition>()],
            [.. reader.AsSequence(activities?.Get("hva_rules"), "hva_rules").Select(n => ReadHvaRule(reader, n)).OfType<HvaRuleDefinition>()],
            [.. reader.AsSequence(root.Get("checks"), "checks").Select(n => ReadCheck(reader, n)).OfType<CheckDefinition>()],
            [.. reader.AsSequence(root.Get("evidence"), "evidence").Select(n => ReadEvidence(reader, n)).OfType<EvidenceRequirement>()],
            [.. reader.AsSequence(root.Get("levers"), "levers").Select(n => LeverReader.Read(reader, n)).OfType<LeverDefinition>()]);
        return (definition, errors);
    }

    /// <summary>
    /// Says where YAML that does not load went wrong. A tab in the indentation is named as such (the parser
    /// points at the text before it); YamlDotNet may fail with InvalidOperationException inside an unclosed
    /// '[' or '{', and then the bracket is what to point at; and with ArgumentException on a mapping whose key has
    /// no value (" : 0", found by fuzzing), and then that mapping is.
    /// </summary>
    internal static FrameworkError SyntaxError(string file, string yaml, Exception e, TrackingParser parser)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent && lines[i].Trim().Length > 0)
            {
                return new FrameworkError(file, i + 1, tab + 1, "yaml-syntax", "The file is not valid YAML: this line is indented with a tab; indent with spaces only.");
            }
        }

        if (e is YamlException yamlException)
        {
            var message = yamlException.InnerException?.Message ?? yamlException.Message;
            return new FrameworkError(file, (int)yamlException.Start.Line, (int)yamlException.Start.Column, "yaml-syntax", $"The file is not valid YAML: {Trim(message)}");
        }

        if (e is ArgumentException && parser.LastClosed is MappingStart mapping)
        {
            return new FrameworkError(file, (int)mapping.Start.Line, (int)mapping.Start.Column, "yaml-syntax", "The file is not valid YAML: a key in the mapping that starts here has no value (check the ':' and the space after it).");
        }

        var openFlow = parser.OpenFlow;
        var (line, column, what) = openFlow is null
            ? (1, 1, "it cannot be read")
            : ((int)openFlow.Start.Line, (int)openFlow.Start.Column, $"the '{(openFlow is SequenceStart ? '[' : '{')}' opened here is not closed");
        return new FrameworkError(file, line, column, "yaml-syntax", $"The file is not valid YAML: {what}.");
    }

    /// <summary>
    /// A NUL character (a zero byte: a binary file, or text saved as UTF-16) is not YAML text, but YamlDotNet reads it
    /// as a space and then reports something else, far from the cause: refused first, pointing at it.
    /// </summary>
    internal static FrameworkError? NulCharacter(string file, string yaml)
    {
        var at = yaml.IndexOf('\0', StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var lineStart = yaml.LastIndexOf('\n', Math.Max(at - 1, 0)) + 1;
        var line = 1 + yaml.AsSpan(0, lineStart).Count('\n');
        var column = at - lineStart + 1;
        return new FrameworkError(file, line, column, "yaml-syntax", "The file is not valid YAML: it holds a NUL character (a zero byte), so it is not plain text; save it as UTF-8 text.");
    }

    private static string Trim(string message) => message.StartsWith('(') && message.IndexOf("): ", StringComparison.Ordinal) is var i and > 0 ? message[(i + 3)..] : message;

    /// <summary>The id of an item, for naming it in an error about one of its texts.</summary>
    private static string IdOf(YamlNodeReader.Map map) => (map.Get("id") as YamlScalarNode)?.Value ?? "?";

    private static DomainDefinition? ReadDomain(YamlNodeReader reader, YamlNode node)
    {
        var map = reader.AsMap(node, "a domain", "id", "values", "labels", "ordered");
        if (map is null)
        {
            return null;
        }

        var labels = ImmutableDictionary.CreateBuilder<string, LocalText>(StringComparer.Ordinal);
        if (reader.AsOpenMap(map.Get("labels"), "domain labels") is { } labelMap)
        {
            foreach (var (key, value) in labelMap.Node.Children)
            {
                labels[((YamlScalarNode)key).Value ?? ""] = reader.Bilingual(value, $"the label of '{((YamlScalarNode)key).Value}' in domain '{IdOf(map)}'");
            }
        }

        return new DomainDefinition(map.String("id", true) ?? "", reader.StringList(map.Get("values"), "values"), labels.ToImmutable(), map.Bool("ordered", false), map.Position);
    }

    private static InputDefinition? ReadInput(YamlNodeReader reader, YamlNode node)
    {
        var map = reader.AsMap(node, "an input", "id", "type", "required", "min", "max", "domain", "pillar", "what_it_would_take", "title", "help");
        if (map is null)
        {
            return null;
        }

        var typeText = map.String("type", true);
        var type = InputType.Number;
        if (typeText is not null && !InputTypes.TryParse(typeText, out type))
        {
            reader.Error(map.PositionOf("type"), "unknown-type", $"'{typeText}' is not an input type. Types: money, count, ratio, number, boolean, enum, codes.");
        }

        var lever = InputLever.Increase;
        switch (map.String("what_it_would_take", false))
        {
            case null or "increase":
                break;
            case "decrease":
                lever = InputLever.Decrease;
                break;
            case "none":
                lever = InputLever.None;
                break;
            default:
                reader.Error(map.PositionOf("what_it_would_take"), "unknown-value", "'what_it_would_take' is increase, decrease or none.");
                break;
        }

        return new InputDefinition(
            map.String("id", true) ?? "",
            type,
            map.Bool("required", false),
            map.Number("min", false),
            map.Number("max", false),
            map.String("domain", false),
            map.String("pillar", false),
            lever,
            reader.Bilingual(map.Get("title"), $"the title of input '{IdOf(map)}'"),
            reader.Bilingual(map.Get("help"), $"the help of input '{IdOf(map)}'"),
            map.Position);
    }

    private static DerivedDefinition? ReadDerived(YamlNodeReader reader, YamlNode node)
    {
        var map = reader.AsMap(node, "a derived quantity", "id", "expression", "title");
        return map is null ? null : new DerivedDefinition(
            map.String("id", true) ?? "",
            map.String("expression", true) ?? "",
            reader.Bilingual(map.Get("title"), $"the title of derived value '{IdOf(map)}'"),
            map.Position,
            map.ExpressionAt("expression"));
    }

    private static TableDefinition? ReadTable(YamlNodeReader reader, YamlNode node)
    {
        var map = reader.AsMap(node, "a table", "id", "key", "values", "default", "source");
        if (map is null)
        {
            return null;
        }

        var values = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        if (reader.AsOpenMap(map.Get("values"), "table values") is { } valueMap)
        {
            foreach (var (key, value) in valueMap.Node.Children)
            {
                if (reader.TryNumber(value, "a table value", out var number))
                {
                    values[((YamlScalarNode)key).Value ?? ""] = number;
                }
            }
        }

        return new TableDefinition(map.String("id", true) ?? "", map.String("key", true) ?? "", values.ToImmutable(), map.Number("default", true) ?? 0, map.String("source", false) ?? "", map.Position);
    }

    private static PillarDefinition? ReadPillar(YamlNodeReader reader, YamlNode node)
    {
        var map = reader.AsMap(node, "a pillar", "id", "title", "weight", "indicators");
        return map is null ? null : new PillarDefinition(
            map.String("id", true) ?? "",
            reader.Bilingual(map.Get("title"), $"the title of pillar '{IdOf(map)}'"),
            map.Number("weight", true) ?? 0,
            [.. reader.AsSequence(map.Get("indicators"), "indicators").Select(n => ReadIndicator(reader, n)).OfType<IndicatorDefinition>()],
            map.Position);
    }

    private static IndicatorDefinition? ReadIndicator(YamlNodeReader reader, YamlNode node)
    {
        var map = reader.AsMap(node, "an indicator", "id", "title", "expression", "unit", "normalise", "weight", "when_missing", "explain");
        if (map is null)
        {
            return null;
        }

        var policy = MissingPolicy.Zero;
        if (map.String("when_missing", false) is { } policyText)
        {
            if (policyText == "reweight")
            {
                policy = MissingPolicy.Reweight;
            }
            else if (policyText != "zero")
            {
                reader.Error(map.PositionOf("when_missing"), "unknown-value", "'when_missing' is either 'zero' or 'reweight'.");
            }
        }

        var normalisation = ReadNormalisation(reader, map.Get("normalise"), map);
        return new IndicatorDefinition(
            map.String("id", true) ?? "",
            reader.Bilingual(map.Get("title"), $"the title of indicator '{IdOf(map)}'"),
            map.String("expression", true) ?? "",
            map.String("unit", false) ?? "",
            normalisation,
            map.Number("weight", true) ?? 0,
            policy,
            reader.Bilingual(map.Get("explain"), $"the explanation of indicator '{IdOf(map)}'"),
            map.Position,
            map.ExpressionAt("expression"));
    }

    private static Normalisation ReadNormalisation(YamlNodeReader reader, YamlNode? node, YamlNodeReader.Map indicator)
    {
        var fallback = new PiecewiseNormalisation([(0, 0), (100, 100)], indicator.Position);
        if (node is null)
        {
            reader.Error(indicator.Position, "missing-field", "An indicator needs a 'normalise' field: piecewise, steps or lookup.");
            return fallback;
        }

        var map = reader.AsMap(node, "a normalisation", "piecewise", "steps", "below", "lookup", "default");
        if (map is null)
        {
            return fallback;
        }

        if (map.Get("piecewise") is { } piecewise)
        {
            return new PiecewiseNormalisation(ReadPairs(reader, piecewise, "piecewise points"), YamlNodeReader.PositionOf(piecewise));
        }

        if (map.Get("steps") is { } steps)
        {
            return new StepsNormalisation(ReadPairs(reader, steps, "steps"), map.Number("below", false) ?? 0, YamlNodeReader.PositionOf(steps));
        }

        if (reader.AsOpenMap(map.Get("lookup"), "a lookup") is { } lookup)
        {
            var entries = ImmutableArray.CreateBuilder<(string, double)>();
            foreach (var (key, value) in lookup.Node.Children)
            {
                if (reader.TryNumber(value, "a lookup score", out var score))
                {
                    entries.Add((((YamlScalarNode)key).Value ?? "", score));
                }
            }

            return new LookupNormalisation(entries.ToImmutable(), map.Number("default", false) ?? 0, lookup.Position);
        }

        reader.Error(map.Position, "missing-field", "A normalisation needs one of: piecewise, steps, lookup.");
        return fallback;
    }

    private static ImmutableArray<(double, double)> ReadPairs(YamlNodeReader reader, YamlNode node, string what)
    {
        var pairs = ImmutableArray.CreateBuilder<(double, double)>();
        foreach (var item in reader.AsSequence(node, what))
        {
            if (item is YamlSequenceNode { Children.Count: 2 } pair && reader.TryNumber(pair.Children[0], $"a value in {what}", out var x) &&
                reader.TryNumber(pair.Children[1], $"a score in {what}", out var y))
            {
                pairs.Add((x, y));
            }
            else if (item is not YamlSequenceNode { Children.Count: 2 })
            {
                reader.Error(item, "wrong-type", $"Each item of {what} is a pair [value, score].");
            }
        }

        if (pairs.Count == 0)
        {
            reader.Error(node, "empty-curve", $"{YamlNodeReader.Capital(what)} need at least one [value, score] pair.");
            pairs.Add((0, 0));
        }

        return pairs.ToImmutable();
    }

    private static GateDefinition? ReadGate(YamlNodeReader reader, YamlNode node)
    {
        var map = reader.AsMap(node, "a gate", "id", "title", "rule", "explain");
        return map is null ? null : new GateDefinition(
            map.String("id", true) ?? "",
            reader.Bilingual(map.Get("title"), $"the title of gate '{IdOf(map)}'"),
            map.String("rule", true) ?? "",
            reader.Bilingual(map.Get("explain"), $"the explanation of gate '{IdOf(map)}'"),
            map.Position,
            map.ExpressionAt("rule"));
    }

    private static TierDefinition? ReadTier(YamlNodeReader reader, YamlNode node)
    {
        var map = reader.AsMap(node, "a tier", "id", "title", "min_index", "gates", "meaning");
        return map is null ? null : new TierDefinition(
            map.String("id", true) ?? "",
            reader.Bilingual(map.Get("title"), $"the title of tier '{IdOf(map)}'"),
            map.Number("min_index", true) ?? 0,
            reader.StringList(map.Get("gates"), "gates"),
            reader.Bilingual(map.Get("meaning"), $"the meaning of tier '{IdOf(map)}'"),
            map.Position);
    }

    private static HvaRuleDefinition? ReadHvaRule(YamlNodeReader reader, YamlNode node)
    {
        var map = reader.AsMap(node, "a high-value-added activity rule", "id", "rule", "explain");
        return map is null ? null : new HvaRuleDefinition(
            map.String("id", true) ?? "",
            map.String("rule", true) ?? "",
            reader.Bilingual(map.Get("explain"), $"the explanation of high-value-added rule '{IdOf(map)}'"),
            map.Position,
            map.ExpressionAt("rule"));
    }

    private static CheckDefinition? ReadCheck(YamlNodeReader reader, YamlNode node)
    {
        var map = reader.AsMap(node, "a check", "id", "rule", "fields", "message");
        return map is null ? null : new CheckDefinition(
            map.String("id", true) ?? "",
            map.String("rule", true) ?? "",
            reader.StringList(map.Get("fields"), "fields"),
            reader.Bilingual(map.Get("message"), $"the message of check '{IdOf(map)}'"),
            map.Position,
            map.ExpressionAt("rule"));
    }

    private static EvidenceRequirement? ReadEvidence(YamlNodeReader reader, YamlNode node)
    {
        var map = reader.AsMap(node, "an evidence requirement", "tier", "level", "inputs");
        if (map is null)
        {
            return null;
        }

        var levelText = map.String("level", true);
        var level = EvidenceLevel.SelfDeclared;
        if (levelText is not null && !EvidenceLevels.TryParse(levelText, out level))
        {
            reader.Error(map.PositionOf("level"), "unknown-value", $"'{levelText}' is not an evidence level: self-declared, document-backed or verified.");
        }

        return new EvidenceRequirement(map.String("tier", true) ?? "", level, reader.StringList(map.Get("inputs"), "inputs"), map.Position);
    }

    /// <summary>Passes parsing events through, keeping the collections still open so a failure can name the unclosed bracket.</summary>
    internal sealed class TrackingParser(IParser inner) : IParser
    {
        private readonly Stack<ParsingEvent> _open = new();

        public ParsingEvent? Current => inner.Current;

        /// <summary>The start of the collection most recently closed.</summary>
        public ParsingEvent? LastClosed { get; private set; }

        /// <summary>The innermost '[' or '{' not yet closed.</summary>
        public ParsingEvent? OpenFlow => _open.FirstOrDefault(e => e is SequenceStart { Style: SequenceStyle.Flow } or MappingStart { Style: MappingStyle.Flow });

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            switch (inner.Current)
            {
                case SequenceStart or MappingStart:
                    _open.Push(inner.Current);
                    break;
                case SequenceEnd or MappingEnd when _open.Count > 0:
                    LastClosed = _open.Pop();
                    break;
            }

            return true;
        }
    }
}
