using System.Collections.Immutable;
using HiTech.Core.Frameworks;
using HiTech.Core.Reference;
using YamlDotNet.RepresentationModel;

namespace HiTech.Core.Maturity;

/// <summary>The outcome of loading a schemes file: the catalogue, or every error and no catalogue.</summary>
public sealed record SchemeLoadResult(SchemeCatalog? Catalog, IReadOnlyList<FrameworkError> Errors)
{
    public bool IsValid => Catalog is not null;
}

/// <summary>
/// Reads data/schemes/*.yaml, all or nothing, with every error as file:line:column and a rule id. Numbers are typed by
/// the suffix of their name: <c>_inr</c> whole rupees, <c>_percent</c> 0-100, <c>_years</c>.
/// </summary>
public static class SchemeCatalogLoader
{
    public static SchemeLoadResult Load(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var reader = new YamlNodeReader(file, yaml, []);
        var catalog = Read(yaml, reader);
        return reader.Errors.Count > 0 || catalog is null ? new SchemeLoadResult(null, reader.Errors) : new SchemeLoadResult(catalog, reader.Errors);
    }

    public static SchemeLoadResult LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new SchemeLoadResult(null, [new FrameworkError(path, 0, 0, "unreadable-file", e.Message)]);
        }

        return Load(text, path);
    }

    private static SchemeCatalog? Read(string yaml, YamlNodeReader reader)
    {
        if (MaturityInstrumentReader.LoadDocument(yaml, reader, "a schemes") is not { } rootNode ||
            reader.AsMap(rootNode, "the schemes file", "id", "version", "schemes") is not { } root)
        {
            return null;
        }

        var id = root.String("id", required: true) ?? "";
        var version = root.String("version", required: true) ?? "";
        if (!root.Has("schemes"))
        {
            reader.Error(root.Node, "missing-field", "The schemes file needs a 'schemes' list.");
        }

        var schemes = ImmutableArray.CreateBuilder<Scheme>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in reader.AsSequence(root.Get("schemes"), "schemes"))
        {
            if (ReadScheme(reader, node) is not { } scheme)
            {
                continue;
            }

            if (!ids.Add(scheme.Id))
            {
                reader.Error(node, "duplicate-id", $"The scheme '{scheme.Id}' is defined twice.");
                continue;
            }

            schemes.Add(scheme);
        }

        return new SchemeCatalog(id, version, schemes.ToImmutable());
    }

    private static Scheme? ReadScheme(YamlNodeReader reader, YamlNode node)
    {
        var map = reader.AsMap(node, "a scheme", "id", "name", "by", "covers", "numbers", "sizes", "eligibility", "source", "uncertain", "uncertain_note");
        if (map is null)
        {
            return null;
        }

        var id = map.String("id", required: true);
        if (id is not null && !MaturityInstrumentReader.KebabPattern().IsMatch(id))
        {
            reader.Error(map.PositionOf("id"), "bad-id", $"The scheme id '{id}' must be lowercase letters, digits and dashes.");
            id = null;
        }

        var name = MaturityInstrumentReader.Bilingual(reader, map, "name", required: true, "a scheme's name");
        var by = MaturityInstrumentReader.Bilingual(reader, map, "by", required: true, "who runs a scheme");
        var covers = MaturityInstrumentReader.Bilingual(reader, map, "covers", required: true, "what a scheme covers");
        var eligibility = MaturityInstrumentReader.Bilingual(reader, map, "eligibility", required: true, "a scheme's eligibility");
        var source = map.String("source", required: true) ?? "";
        var uncertain = map.Bool("uncertain", fallback: false);
        var note = LocalText.Empty;
        if (uncertain)
        {
            note = MaturityInstrumentReader.Bilingual(reader, map, "uncertain_note", required: true, "the note of an uncertain scheme");
        }
        else if (map.Has("uncertain_note"))
        {
            reader.Error(map.PositionOf("uncertain_note"), "unknown-field", "'uncertain_note' belongs only to a scheme marked 'uncertain: true'.");
        }

        var numbers = ImmutableArray.CreateBuilder<SchemeNumber>();
        if (reader.AsOpenMap(map.Get("numbers"), "a scheme's numbers") is { } numberMap)
        {
            foreach (var (key, value) in numberMap.Node.Children)
            {
                var numberId = ((YamlScalarNode)key).Value ?? "";
                if (reader.TryNumber(value, $"the number '{numberId}'", out var number) && Number(reader, key, value, numberId, number) is { } parsed)
                {
                    numbers.Add(parsed);
                }
            }
        }
        else if (!map.Has("numbers"))
        {
            reader.Error(map.Node, "missing-field", "A scheme needs a 'numbers' mapping (write {} when it has none).");
        }

        var sizes = ImmutableArray.CreateBuilder<MsmeSize>();
        foreach (var size in reader.StringList(map.Get("sizes"), "sizes"))
        {
            if (MaturityProfile.TryParseSize(size, out var parsed))
            {
                sizes.Add(parsed);
            }
            else
            {
                reader.Error(map.PositionOf("sizes"), "unknown-value", $"'{size}' is not a size class: micro, small, medium or large.");
            }
        }

        if (!map.Has("sizes"))
        {
            reader.Error(map.Node, "missing-field", "A scheme needs a 'sizes' list: the size classes it is open to.");
        }

        return id is null ? null : new Scheme(id, name, by, covers, numbers.ToImmutable(), sizes.ToImmutable(), eligibility, source, uncertain, note);
    }

    private static SchemeNumber? Number(YamlNodeReader reader, YamlNode key, YamlNode value, string id, double number)
    {
        SchemeUnit unit;
        if (id.EndsWith("_inr", StringComparison.Ordinal))
        {
            unit = SchemeUnit.Inr;
        }
        else if (id.EndsWith("_percent", StringComparison.Ordinal))
        {
            unit = SchemeUnit.Percent;
        }
        else if (id.EndsWith("_years", StringComparison.Ordinal))
        {
            unit = SchemeUnit.Years;
        }
        else
        {
            reader.Error(key, "bad-number", $"The number '{id}' needs a unit at the end of its name: _inr, _percent or _years.");
            return null;
        }

        if (!MaturityInstrumentReader.IdentifierPattern().IsMatch(id))
        {
            reader.Error(key, "bad-id", $"The number name '{id}' must be lowercase letters, digits and underscores.");
            return null;
        }

        var problem = unit switch
        {
            SchemeUnit.Inr when number < 0 || number != Math.Floor(number) || number > 1e15 => "an amount in whole rupees (no lakh or crore shorthand)",
            SchemeUnit.Percent when number is < 0 or > 100 => "a percentage from 0 to 100",
            SchemeUnit.Years when number < 0 || number > 100 => "a number of years",
            _ => null,
        };
        if (problem is not null)
        {
            reader.Error(value, "bad-number", $"'{id}' must be {problem}, not {((YamlScalarNode)value).Value}.");
            return null;
        }

        return new SchemeNumber(id, (decimal)number, unit);
    }
}
