using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using HiTech.Core.Expressions;
using HiTech.Core.Frameworks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HiTech.Core.Maturity;

/// <summary>
/// Reads and checks a maturity instrument in one pass, collecting every fault with its position
/// (file:line:column and a stable rule id, as <see cref="FrameworkError"/>). An instrument with any fault is never built.
/// </summary>
internal sealed partial class MaturityInstrumentReader
{
    /// <summary>The short screen is for a micro unit in about five minutes: never more than this.</summary>
    public const int MaxScreenQuestions = 12;

    public const int MinDeepQuestions = 3;

    public const int MaxDeepQuestions = 5;

    /// <summary>Points of one option (and of one adoption level) run from 0 to this.</summary>
    public const int MaxOptionPoints = 4;

    private static readonly string[] TopFields = ["id", "version", "title", "description", "dimensions", "adoption_levels", "modules", "scoring", "actions"];

    private readonly YamlNodeReader _reader;
    private readonly IReadOnlyCollection<string>? _schemeIds;
    private readonly List<DimensionDraft> _dimensions = [];
    private readonly List<MaturityOption> _adoptionLevels = [];
    private readonly List<ModuleDraft> _modules = [];
    private readonly List<ActionDraft> _actions = [];
    private readonly List<MaturityBand> _bands = [];
    private bool _bandsValid = true;

    private MaturityInstrumentReader(string yaml, string file, IReadOnlyCollection<string>? schemeIds)
    {
        _reader = new YamlNodeReader(file, yaml, []);
        _schemeIds = schemeIds;
    }

    private List<FrameworkError> Errors => _reader.Errors;

    public static (MaturityInstrument? Instrument, IReadOnlyList<FrameworkError> Errors) Read(string yaml, string file, IReadOnlyCollection<string>? schemeIds)
    {
        var reader = new MaturityInstrumentReader(yaml, file, schemeIds);
        var instrument = reader.Read(yaml);
        return reader.Errors.Count > 0 ? (null, reader.Errors) : (instrument, reader.Errors);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    internal static partial Regex IdentifierPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    internal static partial Regex KebabPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]*$")]
    private static partial Regex InstrumentIdPattern();

    /// <summary>Loads one YAML document, or records a yaml-syntax error and returns null.</summary>
    internal static YamlNode? LoadDocument(string yaml, YamlNodeReader reader, string what)
    {
        if (FrameworkYamlReader.NulCharacter(reader.File, yaml) is { } nul)
        {
            reader.Errors.Add(nul);
            return null;
        }

        YamlStream stream = [];
        var parser = new FrameworkYamlReader.TrackingParser(new YamlDotNet.Core.Parser(new StringReader(yaml)));
        try
        {
            stream.Load(parser);
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            reader.Errors.Add(FrameworkYamlReader.SyntaxError(reader.File, yaml, e, parser));
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            reader.Error(new SourcePosition(1, 1), "yaml-syntax", $"{YamlNodeReader.Capital(what)} file holds exactly one YAML document.");
            return null;
        }

        return stream.Documents[0].RootNode;
    }

    /// <summary>Reads a text that must be given in English and Malayalam.</summary>
    internal static LocalText Bilingual(YamlNodeReader reader, YamlNodeReader.Map owner, string key, bool required, string what)
    {
        var node = owner.Get(key);
        if (node is null)
        {
            if (required)
            {
                reader.Error(owner.Node, "missing-field", $"{YamlNodeReader.Capital(what)} is missing: add a '{key}' field with 'en' and 'ml'.");
            }

            return LocalText.Empty;
        }

        return reader.Bilingual(node, what);
    }

    private MaturityInstrument? Read(string yaml)
    {
        var rootNode = LoadDocument(yaml, _reader, "a maturity instrument");
        if (rootNode is null)
        {
            return null;
        }

        var root = _reader.AsMap(rootNode, "the instrument", TopFields);
        if (root is null)
        {
            return null;
        }

        var id = root.String("id", required: true) ?? "";
        if (id.Length > 0 && !InstrumentIdPattern().IsMatch(id))
        {
            _reader.Error(root.PositionOf("id"), "bad-id", $"The instrument id '{id}' must be lowercase letters, digits and dashes.");
        }

        var version = root.String("version", required: true) ?? "";
        var title = Bilingual(_reader, root, "title", required: true, "the instrument's title");
        var description = root.Has("description") ? Bilingual(_reader, root, "description", required: false, "the instrument's description") : LocalText.Empty;

        ReadDimensions(root);
        ReadAdoptionLevels(root);
        ReadModules(root);
        var (method, peerMinimum) = ReadScoring(root);
        ReadActions(root);

        CheckQuestions();
        CheckModules(root);
        var conditions = CompileConditions();
        CheckActions(root);

        if (Errors.Count > 0)
        {
            return null;
        }

        var adoptionLevels = _adoptionLevels.ToImmutableArray();
        var modules = _modules.Select(m => new MaturityModule(
            m.Id,
            m.Kind,
            m.Title,
            m.Description,
            m.OpensWhen,
            [.. m.Questions.Select(q => new MaturityQuestion(q.Id, m.Id, q.Dimension, q.Type, q.Text, q.Help, q.Type == QuestionType.Adoption ? adoptionLevels : q.Options, q.OpensWhen))]));
        return new MaturityInstrument(
            id,
            version,
            title,
            description,
            [.. _dimensions.Select(d => d.Dimension)],
            adoptionLevels,
            [.. modules],
            new MaturityScoring(method, [.. _bands], peerMinimum),
            [.. _actions.Select(a => new MaturityAction(a.Id, a.Dimension, a.Band, a.Text, a.CostTier, a.Schemes))],
            conditions);
    }

    private void ReadDimensions(YamlNodeReader.Map root)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (!root.Has("dimensions"))
        {
            _reader.Error(root.Node, "missing-field", "The instrument needs a 'dimensions' list.");
            return;
        }

        foreach (var node in _reader.AsSequence(root.Get("dimensions"), "dimensions"))
        {
            var map = _reader.AsMap(node, "a dimension", "id", "title", "description");
            if (map is null)
            {
                continue;
            }

            var id = map.String("id", required: true);
            var title = Bilingual(_reader, map, "title", required: true, "a dimension's title");
            var description = Bilingual(_reader, map, "description", required: true, "a dimension's description");
            if (id is null)
            {
                continue;
            }

            if (!IdentifierPattern().IsMatch(id))
            {
                _reader.Error(map.PositionOf("id"), "bad-id", $"The dimension id '{id}' must be lowercase letters, digits and underscores, starting with a letter.");
            }
            else if (!ids.Add(id))
            {
                _reader.Error(map.PositionOf("id"), "duplicate-id", $"The dimension '{id}' is defined twice.");
            }
            else
            {
                _dimensions.Add(new DimensionDraft(new MaturityDimension(id, title, description), map.Position));
            }
        }

        if (_dimensions.Count == 0 && Errors.Count == 0)
        {
            _reader.Error(root.PositionOf("dimensions"), "missing-field", "The instrument needs at least one dimension.");
        }
    }

    private void ReadAdoptionLevels(YamlNodeReader.Map root)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var previous = -1;
        foreach (var node in _reader.AsSequence(root.Get("adoption_levels"), "adoption_levels"))
        {
            var map = _reader.AsMap(node, "an adoption level", "id", "points", "text");
            if (map is null)
            {
                continue;
            }

            var id = map.String("id", required: true);
            var points = Points(map, "an adoption level");
            var text = Bilingual(_reader, map, "text", required: true, "an adoption level's text");
            if (id is null || points is null)
            {
                continue;
            }

            if (!KebabPattern().IsMatch(id))
            {
                _reader.Error(map.PositionOf("id"), "bad-id", $"The adoption level id '{id}' must be lowercase letters, digits and dashes.");
                continue;
            }

            if (!ids.Add(id))
            {
                _reader.Error(map.PositionOf("id"), "duplicate-id", $"The adoption level '{id}' is defined twice.");
                continue;
            }

            if (previous < 0 && points != 0)
            {
                _reader.Error(map.PositionOf("points"), "bad-points", $"The first adoption level is 'not used' and scores 0 points, not {points}.");
            }
            else if (previous >= 0 && points <= previous)
            {
                _reader.Error(map.PositionOf("points"), "bad-points", $"Adoption levels go from lowest to highest: '{id}' scores {points}, not more than the level before ({previous}).");
            }

            previous = points.Value;
            _adoptionLevels.Add(new MaturityOption(id, text, points.Value));
        }
    }

    private void ReadModules(YamlNodeReader.Map root)
    {
        if (!root.Has("modules"))
        {
            _reader.Error(root.Node, "missing-field", "The instrument needs a 'modules' list with the screen, the deep modules and the inventory.");
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in _reader.AsSequence(root.Get("modules"), "modules"))
        {
            var map = _reader.AsMap(node, "a module", "id", "kind", "title", "description", "opens_when", "questions");
            if (map is null)
            {
                continue;
            }

            var id = map.String("id", required: true) ?? "";
            if (id.Length > 0 && !IdentifierPattern().IsMatch(id))
            {
                _reader.Error(map.PositionOf("id"), "bad-id", $"The module id '{id}' must be lowercase letters, digits and underscores, starting with a letter.");
            }
            else if (id.Length > 0 && !ids.Add(id))
            {
                _reader.Error(map.PositionOf("id"), "duplicate-id", $"The module '{id}' is defined twice.");
            }

            var kindText = map.String("kind", required: true);
            var kind = ModuleKind.Deep;
            switch (kindText)
            {
                case null:
                    break;
                case "screen":
                    kind = ModuleKind.Screen;
                    break;
                case "deep":
                    kind = ModuleKind.Deep;
                    break;
                case "inventory":
                    kind = ModuleKind.Inventory;
                    break;
                default:
                    _reader.Error(map.PositionOf("kind"), "unknown-value", $"'{kindText}' is not a module kind: screen, deep or inventory.");
                    break;
            }

            var opensWhen = map.String("opens_when", required: false);
            if (opensWhen is not null && kind == ModuleKind.Screen)
            {
                _reader.Error(map.PositionOf("opens_when"), "screen-condition", "The screen is open for every firm: it takes no 'opens_when'.");
                opensWhen = null;
            }

            var module = new ModuleDraft(
                id,
                kind,
                Bilingual(_reader, map, "title", required: true, "a module's title"),
                map.Has("description") ? Bilingual(_reader, map, "description", required: false, "a module's description") : LocalText.Empty,
                opensWhen,
                map.ExpressionAt("opens_when"),
                map.Position,
                map.Get("questions") is { } questions ? YamlNodeReader.PositionOf(questions) : map.Position);
            if (!map.Has("questions"))
            {
                _reader.Error(map.Node, "missing-field", $"The module '{id}' needs a 'questions' list.");
            }

            foreach (var questionNode in _reader.AsSequence(map.Get("questions"), "questions"))
            {
                if (ReadQuestion(questionNode, module) is { } question)
                {
                    module.Questions.Add(question);
                }
            }

            _modules.Add(module);
        }
    }

    private QuestionDraft? ReadQuestion(YamlNode node, ModuleDraft module)
    {
        var map = _reader.AsMap(node, "a question", "id", "dimension", "type", "text", "help", "options", "opens_when");
        if (map is null)
        {
            return null;
        }

        var id = map.String("id", required: true);
        var dimension = map.String("dimension", required: true);
        var typeText = map.String("type", required: true);
        var text = Bilingual(_reader, map, "text", required: true, "a question's text");
        var help = Bilingual(_reader, map, "help", required: true, "a question's help");
        var type = QuestionType.Single;
        var typeKnown = true;
        switch (typeText)
        {
            case null:
                typeKnown = false;
                break;
            case "single":
                break;
            case "multi":
                type = QuestionType.Multi;
                break;
            case "adoption":
                type = QuestionType.Adoption;
                break;
            default:
                typeKnown = false;
                _reader.Error(map.PositionOf("type"), "unknown-type", $"'{typeText}' is not a question type: single, multi or adoption.");
                break;
        }

        var opensWhen = map.String("opens_when", required: false);
        if (opensWhen is not null && module.Kind == ModuleKind.Screen)
        {
            _reader.Error(map.PositionOf("opens_when"), "screen-condition", "Screen questions are asked of every firm: they take no 'opens_when'.");
            opensWhen = null;
        }

        if (id is not null && !IdentifierPattern().IsMatch(id))
        {
            _reader.Error(map.PositionOf("id"), "bad-id", $"The question id '{id}' must be lowercase letters, digits and underscores, starting with a letter (conditions read it by name).");
        }
        else if (id is not null && MaturityConditions.ReservedNames.Contains(id))
        {
            _reader.Error(map.PositionOf("id"), "reserved-name", $"'{id}' is a profile field or a word of the expression language and cannot name a question.");
        }

        // A question with a fault is still kept (the instrument is refused anyway), so that counts and references
        // made later do not add follow-on errors about a question that is merely misspelt.
        var options = typeKnown ? ReadOptions(map, id ?? "?", type) : [];
        return id is null || dimension is null
            ? null
            : new QuestionDraft(id, module.Kind, dimension, map.PositionOf("dimension"), type, text, help, options, opensWhen, map.ExpressionAt("opens_when"), map.PositionOf("id"));
    }

    private ImmutableArray<MaturityOption> ReadOptions(YamlNodeReader.Map question, string questionId, QuestionType type)
    {
        var node = question.Get("options");
        if (type == QuestionType.Adoption)
        {
            if (node is not null)
            {
                _reader.Error(node, "options-not-allowed", $"The adoption item '{questionId}' takes its options from 'adoption_levels'; remove its 'options'.");
            }

            return [];
        }

        if (node is null)
        {
            _reader.Error(question.Node, "missing-field", $"The question '{questionId}' needs an 'options' list.");
            return [];
        }

        var options = ImmutableArray.CreateBuilder<MaturityOption>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var before = Errors.Count;
        foreach (var item in _reader.AsSequence(node, "options"))
        {
            var map = _reader.AsMap(item, "an option", "id", "points", "text", "none");
            if (map is null)
            {
                continue;
            }

            var id = map.String("id", required: true);
            var points = Points(map, "an option");
            var text = Bilingual(_reader, map, "text", required: true, "an option's text");
            var none = map.Bool("none", fallback: false);
            if (id is null || points is null)
            {
                continue;
            }

            if (!KebabPattern().IsMatch(id))
            {
                _reader.Error(map.PositionOf("id"), "bad-id", $"The option id '{id}' must be lowercase letters, digits and dashes.");
                continue;
            }

            if (!ids.Add(id))
            {
                _reader.Error(map.PositionOf("id"), "duplicate-id", $"The question '{questionId}' has two options '{id}'.");
                continue;
            }

            if (none && type != QuestionType.Multi)
            {
                _reader.Error(map.PositionOf("none"), "none-option", $"Only a tick-all (multi) question has a 'none of these' option; '{questionId}' is a single-choice question.");
            }
            else if (none && points != 0)
            {
                _reader.Error(map.PositionOf("points"), "none-option", $"The 'none of these' option '{id}' of '{questionId}' scores 0 points, not {points}.");
            }

            options.Add(new MaturityOption(id, text, points.Value, none));
        }

        if (Errors.Count > before)
        {
            return options.ToImmutable();
        }

        var at = YamlNodeReader.PositionOf(node);
        if (options.Count < 2)
        {
            _reader.Error(at, "too-few-options", $"The question '{questionId}' needs at least two options.");
        }
        else if (type == QuestionType.Single && !options.Any(o => o.Points == 0))
        {
            _reader.Error(at, "no-zero-option", $"The question '{questionId}' needs an option that scores 0 points, the answer of a firm that has not started.");
        }
        else if (type == QuestionType.Multi && options.Count(o => o.IsNone) != 1)
        {
            _reader.Error(at, "none-option", $"The tick-all question '{questionId}' needs exactly one 'none of these' option (none: true), found {options.Count(o => o.IsNone)}.");
        }
        else if (options.All(o => o.Points == 0))
        {
            _reader.Error(at, "no-points", $"No option of the question '{questionId}' scores any points.");
        }

        return options.ToImmutable();
    }

    private int? Points(YamlNodeReader.Map map, string what)
    {
        if (Whole(map, "points", what) is not { } points)
        {
            return null;
        }

        if (points is < 0 or > MaxOptionPoints)
        {
            _reader.Error(map.PositionOf("points"), "bad-points", $"The points of {what} run from 0 to {MaxOptionPoints}, not {points}.");
            return null;
        }

        return points;
    }

    private int? Whole(YamlNodeReader.Map map, string key, string what)
    {
        if (map.Number(key, required: true) is not { } number)
        {
            return null;
        }

        if (number != Math.Floor(number) || Math.Abs(number) > 1_000_000)
        {
            _reader.Error(map.PositionOf(key), "wrong-type", $"'{key}' of {what} must be a whole number.");
            return null;
        }

        return (int)number;
    }

    private (LocalText Method, int PeerMinimum) ReadScoring(YamlNodeReader.Map root)
    {
        if (!root.Has("scoring"))
        {
            _reader.Error(root.Node, "missing-field", "The instrument needs a 'scoring' section with the method, the bands and the peer minimum.");
            _bandsValid = false;
            return (LocalText.Empty, 0);
        }

        var map = _reader.AsMap(root.Get("scoring"), "the scoring section", "method", "dimension_score", "overall", "rounding", "bands", "peer_minimum");
        if (map is null)
        {
            _bandsValid = false;
            return (LocalText.Empty, 0);
        }

        var method = Bilingual(_reader, map, "method", required: true, "the scoring method");
        Fixed(map, "dimension_score", "points-ratio", "100 x points scored / points possible over the questions that apply");
        Fixed(map, "overall", "mean", "the mean of the dimension scores");
        Fixed(map, "rounding", "half-away-from-zero", "half away from zero, to a whole number");

        var peerMinimum = 0;
        if (Whole(map, "peer_minimum", "the scoring section") is { } minimum)
        {
            if (minimum < 1)
            {
                _reader.Error(map.PositionOf("peer_minimum"), "bad-range", $"'peer_minimum' is the smallest peer group shown, at least 1, not {minimum}.");
            }

            peerMinimum = minimum;
        }

        ReadBands(map);
        return (method, peerMinimum);
    }

    /// <summary>A field that states, as data, the one method the engine implements.</summary>
    private void Fixed(YamlNodeReader.Map map, string key, string value, string meaning)
    {
        if (map.String(key, required: false) is { } text && text != value)
        {
            _reader.Error(map.PositionOf(key), "unknown-value", $"'{key}' can only be '{value}' ({meaning}), not '{text}'.");
        }
    }

    private void ReadBands(YamlNodeReader.Map scoring)
    {
        if (!scoring.Has("bands"))
        {
            _reader.Error(scoring.Node, "missing-field", "The scoring section needs a 'bands' list covering 0 to 100.");
            _bandsValid = false;
            return;
        }

        var before = Errors.Count;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var positions = new List<SourcePosition>();
        foreach (var node in _reader.AsSequence(scoring.Get("bands"), "bands"))
        {
            var map = _reader.AsMap(node, "a band", "id", "min", "max", "title", "uncertain");
            if (map is null)
            {
                continue;
            }

            var id = map.String("id", required: true);
            var min = Whole(map, "min", "a band");
            var max = Whole(map, "max", "a band");
            var title = Bilingual(_reader, map, "title", required: true, "a band's title");
            var uncertain = map.Bool("uncertain", fallback: false);
            if (id is null || min is null || max is null)
            {
                continue;
            }

            if (!KebabPattern().IsMatch(id))
            {
                _reader.Error(map.PositionOf("id"), "bad-id", $"The band id '{id}' must be lowercase letters, digits and dashes.");
            }
            else if (!ids.Add(id))
            {
                _reader.Error(map.PositionOf("id"), "duplicate-id", $"The band '{id}' is defined twice.");
            }
            else if (min > max || min < 0 || max > 100)
            {
                _reader.Error(map.Position, "band-order", $"The band '{id}' runs from {min} to {max}: a band is a range within 0-100 with min not above max.");
            }
            else
            {
                _bands.Add(new MaturityBand(id, min.Value, max.Value, title, uncertain));
                positions.Add(map.Position);
            }
        }

        if (Errors.Count > before)
        {
            _bandsValid = false;
            return;
        }

        var at = scoring.PositionOf("bands");
        if (_bands.Count == 0)
        {
            _reader.Error(at, "band-gap", "The bands must cover every score from 0 to 100; none is given.");
            _bandsValid = false;
            return;
        }

        for (var i = 0; i < _bands.Count; i++)
        {
            var band = _bands[i];
            var expected = i == 0 ? 0 : _bands[i - 1].Max + 1;
            if (i > 0 && band.Min <= _bands[i - 1].Min)
            {
                _reader.Error(positions[i], "band-order", $"Bands are listed from lowest to highest: '{band.Id}' starts at {band.Min}, not above '{_bands[i - 1].Id}' ({_bands[i - 1].Min}).");
            }
            else if (band.Min < expected)
            {
                _reader.Error(positions[i], "band-overlap", $"The band '{band.Id}' starts at {band.Min}, inside '{_bands[i - 1].Id}' ({_bands[i - 1].Min}-{_bands[i - 1].Max}); it should start at {expected}.");
            }
            else if (band.Min > expected)
            {
                _reader.Error(positions[i], "band-gap", i == 0
                    ? $"The lowest band '{band.Id}' starts at {band.Min}: the bands must start at 0."
                    : $"No band holds the scores {expected}-{band.Min - 1}: '{band.Id}' should start at {expected}.");
            }
            else
            {
                continue;
            }

            _bandsValid = false;
            return;
        }

        if (_bands[^1].Max != 100)
        {
            _reader.Error(positions[^1], "band-gap", $"The highest band '{_bands[^1].Id}' ends at {_bands[^1].Max}: the bands must reach 100.");
            _bandsValid = false;
        }
    }

    private void ReadActions(YamlNodeReader.Map root)
    {
        if (!root.Has("actions"))
        {
            _reader.Error(root.Node, "missing-field", "The instrument needs an 'actions' list: next steps for each dimension and band.");
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in _reader.AsSequence(root.Get("actions"), "actions"))
        {
            var map = _reader.AsMap(node, "an action", "id", "dimension", "band", "cost_tier", "schemes", "text");
            if (map is null)
            {
                continue;
            }

            var id = map.String("id", required: true);
            var dimension = map.String("dimension", required: true);
            var band = map.String("band", required: true);
            var costText = map.String("cost_tier", required: true);
            var text = Bilingual(_reader, map, "text", required: true, "an action's text");
            var schemes = ImmutableArray.CreateBuilder<string>();
            var schemePositions = ImmutableArray.CreateBuilder<SourcePosition>();
            if (!map.Has("schemes"))
            {
                _reader.Error(map.Node, "missing-field", $"The action '{id}' needs a 'schemes' list (write [] when no scheme pays for it).");
            }

            foreach (var item in _reader.AsSequence(map.Get("schemes"), "schemes"))
            {
                if (item is YamlScalarNode { Value: { Length: > 0 } scheme })
                {
                    schemes.Add(scheme);
                    schemePositions.Add(YamlNodeReader.PositionOf(item));
                }
                else
                {
                    _reader.Error(item, "wrong-type", "Each scheme of an action is a scheme id.");
                }
            }

            var cost = CostTier.Low;
            switch (costText)
            {
                case null or "low":
                    break;
                case "medium":
                    cost = CostTier.Medium;
                    break;
                case "high":
                    cost = CostTier.High;
                    break;
                default:
                    _reader.Error(map.PositionOf("cost_tier"), "unknown-value", $"'{costText}' is not a cost tier: low, medium or high.");
                    break;
            }

            if (id is null || dimension is null || band is null)
            {
                continue;
            }

            if (!KebabPattern().IsMatch(id))
            {
                _reader.Error(map.PositionOf("id"), "bad-id", $"The action id '{id}' must be lowercase letters, digits and dashes.");
            }
            else if (!ids.Add(id))
            {
                _reader.Error(map.PositionOf("id"), "duplicate-id", $"The action '{id}' is defined twice.");
            }

            _actions.Add(new ActionDraft(id, dimension, map.PositionOf("dimension"), band, map.PositionOf("band"), cost, text, schemes.ToImmutable(), schemePositions.ToImmutable()));
        }
    }

    private void CheckQuestions()
    {
        var dimensions = _dimensions.Select(d => d.Dimension.Id).ToHashSet(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in _modules)
        {
            foreach (var question in module.Questions)
            {
                if (!ids.Add(question.Id))
                {
                    _reader.Error(question.Position, "duplicate-id", $"The question '{question.Id}' is defined twice (question ids are unique across modules).");
                    continue;
                }

                if (!dimensions.Contains(question.Dimension))
                {
                    var known = string.Join(", ", _dimensions.Select(d => d.Dimension.Id));
                    _reader.Error(question.DimensionAt, "unknown-dimension", $"The question '{question.Id}' feeds '{question.Dimension}', which is not a dimension of the instrument. Dimensions: {known}.");
                }

                if (question.Type == QuestionType.Adoption && _adoptionLevels.Count == 0)
                {
                    _reader.Error(question.Position, "missing-adoption-levels", $"The adoption item '{question.Id}' needs the instrument's 'adoption_levels'.");
                }

                if ((question.Type == QuestionType.Adoption) != (module.Kind == ModuleKind.Inventory))
                {
                    _reader.Error(question.Position, "inventory-type", module.Kind == ModuleKind.Inventory
                        ? $"The inventory holds adoption items: '{question.Id}' must be of type adoption."
                        : $"Adoption items belong in the inventory module: '{question.Id}' is in the {KindName(module.Kind)} '{module.Id}'.");
                }
            }
        }
    }

    private static string KindName(ModuleKind kind) => kind == ModuleKind.Screen ? "screen" : "deep module";

    private void CheckModules(YamlNodeReader.Map root)
    {
        if (!root.Has("modules"))
        {
            return;
        }

        var screens = _modules.Where(m => m.Kind == ModuleKind.Screen).ToList();
        if (screens.Count == 0)
        {
            _reader.Error(root.PositionOf("modules"), "screen-count", "The instrument needs one module of kind 'screen', the short screen every firm answers first.");
        }

        foreach (var extra in screens.Skip(1))
        {
            _reader.Error(extra.Position, "screen-count", $"Only one module is the screen; '{extra.Id}' is a second one.");
        }

        if (screens.Count > 0)
        {
            var screen = screens[0];
            if (screen.Questions.Count > MaxScreenQuestions)
            {
                _reader.Error(screen.QuestionsAt, "screen-size", $"The screen has {screen.Questions.Count} questions; it must stay short enough for a micro unit: at most {MaxScreenQuestions}.");
            }

            foreach (var dimension in _dimensions)
            {
                if (!screen.Questions.Any(q => q.Dimension == dimension.Dimension.Id))
                {
                    _reader.Error(dimension.Position, "screen-coverage", $"The dimension '{dimension.Dimension.Id}' has no screen question, so the first estimate would have no score for it.");
                }
            }
        }

        foreach (var module in _modules.Where(m => m.Kind == ModuleKind.Deep))
        {
            if (module.Questions.Count is < MinDeepQuestions or > MaxDeepQuestions)
            {
                _reader.Error(module.QuestionsAt, "module-size", $"The deep module '{module.Id}' has {module.Questions.Count} questions; a deep module has {MinDeepQuestions} to {MaxDeepQuestions}.");
            }
        }

        if (_modules.Count(m => m.Kind == ModuleKind.Inventory) > 1)
        {
            var second = _modules.Where(m => m.Kind == ModuleKind.Inventory).ElementAt(1);
            _reader.Error(second.Position, "inventory-count", $"Only one module is the technology inventory; '{second.Id}' is a second one.");
        }
    }

    private MaturityConditions CompileConditions()
    {
        var screenIds = _modules.Where(m => m.Kind == ModuleKind.Screen).Take(1).SelectMany(m => m.Questions).Select(q => q.Id).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var otherQuestions = _modules.Where(m => m.Kind != ModuleKind.Screen).SelectMany(m => m.Questions.Select(q => (q.Id, Module: m.Id)))
            .GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Module, StringComparer.Ordinal);
        var scope = new MaturityConditions.Scope(MaturityConditions.SlotsFor(screenIds));
        var modules = new Dictionary<string, MaturityConditions.Condition>(StringComparer.Ordinal);
        var questions = new Dictionary<string, MaturityConditions.Condition>(StringComparer.Ordinal);
        foreach (var module in _modules)
        {
            if (module.OpensWhen is { } text && Compile(text, module.OpensWhenAt, scope, otherQuestions, $"module '{module.Id}'") is { } condition)
            {
                modules[module.Id] = condition;
            }

            foreach (var question in module.Questions)
            {
                if (question.OpensWhen is { } questionText && Compile(questionText, question.OpensWhenAt, scope, otherQuestions, $"question '{question.Id}'") is { } questionCondition)
                {
                    questions[question.Id] = questionCondition;
                }
            }
        }

        var maxPoints = _modules.Where(m => m.Kind == ModuleKind.Screen).Take(1).SelectMany(m => m.Questions)
            .GroupBy(q => q.Id, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => MaxPoints(g.First()), StringComparer.Ordinal);
        return new MaturityConditions(screenIds, maxPoints, modules.ToFrozenDictionary(StringComparer.Ordinal), questions.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static int MaxPoints(QuestionDraft question) => question.Options.IsEmpty
        ? 0
        : question.Type == QuestionType.Multi ? question.Options.Sum(o => o.Points) : question.Options.Max(o => o.Points);

    private MaturityConditions.Condition? Compile(string text, ExpressionLocation at, MaturityConditions.Scope scope, Dictionary<string, string> otherQuestions, string owner)
    {
        var (node, parseError) = ExpressionCompiler.Parse(text);
        if (node is null)
        {
            _reader.Error(at.At(parseError!.Offset), parseError.Rule, $"In the condition of {owner}: {parseError.Message}");
            return null;
        }

        var (compiled, error) = ExpressionCompiler.Compile(text, node, scope, TypeKind.Boolean);
        if (compiled is null)
        {
            var message = error!.Message;
            if (error.Rule == "undefined-name")
            {
                var start = Math.Clamp(error.Offset, 0, text.Length);
                var name = text.Substring(start, Math.Clamp(error.Length, 0, text.Length - start));
                message = otherQuestions.TryGetValue(name, out var module)
                    ? $"'{name}' is a question of '{module}', not of the screen; a condition reads only the profile and screen answers."
                    : $"'{name}' is neither a profile field (employees, manufacturing, size) nor a screen question.";
            }
            else if (error.Rule == "type-mismatch" && error.Offset == 0 && error.Length >= text.TrimEnd().Length)
            {
                message = $"A condition must be true or false: {char.ToLowerInvariant(message[0])}{message[1..]}";
            }

            _reader.Error(at.At(error.Offset), error.Rule, $"In the condition of {owner}: {message}");
            return null;
        }

        var reads = compiled.References.Where(scope.IsScreenQuestion).Order(StringComparer.Ordinal).ToImmutableArray();
        return new MaturityConditions.Condition(compiled, reads);
    }

    private void CheckActions(YamlNodeReader.Map root)
    {
        var dimensions = _dimensions.Select(d => d.Dimension.Id).ToHashSet(StringComparer.Ordinal);
        var bands = _bands.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var before = Errors.Count;
        foreach (var action in _actions)
        {
            if (!dimensions.Contains(action.Dimension))
            {
                _reader.Error(action.DimensionAt, "unknown-dimension", $"The action '{action.Id}' is for '{action.Dimension}', which is not a dimension of the instrument.");
            }

            if (_bandsValid && !bands.Contains(action.Band))
            {
                _reader.Error(action.BandAt, "unknown-band", $"The action '{action.Id}' is for the band '{action.Band}', which is not one of: {string.Join(", ", _bands.Select(b => b.Id))}.");
            }

            if (_schemeIds is not null)
            {
                for (var i = 0; i < action.Schemes.Length; i++)
                {
                    if (!_schemeIds.Contains(action.Schemes[i]))
                    {
                        _reader.Error(action.SchemePositions[i], "unknown-scheme", $"The action '{action.Id}' names the scheme '{action.Schemes[i]}', which is not in the schemes file.");
                    }
                }
            }
        }

        if (Errors.Count > before || !_bandsValid || !root.Has("actions"))
        {
            return;
        }

        foreach (var dimension in _dimensions)
        {
            foreach (var band in _bands)
            {
                if (!_actions.Any(a => a.Dimension == dimension.Dimension.Id && a.Band == band.Id))
                {
                    _reader.Error(root.PositionOf("actions"), "missing-actions", $"No action for the dimension '{dimension.Dimension.Id}' in the band '{band.Id}': the roadmap would have nothing to offer there.");
                }
            }
        }
    }

    private sealed record DimensionDraft(MaturityDimension Dimension, SourcePosition Position);

    private sealed record ModuleDraft(string Id, ModuleKind Kind, LocalText Title, LocalText Description, string? OpensWhen, ExpressionLocation OpensWhenAt, SourcePosition Position, SourcePosition QuestionsAt)
    {
        public List<QuestionDraft> Questions { get; } = [];
    }

    private sealed record QuestionDraft(
        string Id,
        ModuleKind ModuleKind,
        string Dimension,
        SourcePosition DimensionAt,
        QuestionType Type,
        LocalText Text,
        LocalText Help,
        ImmutableArray<MaturityOption> Options,
        string? OpensWhen,
        ExpressionLocation OpensWhenAt,
        SourcePosition Position);

    private sealed record ActionDraft(
        string Id,
        string Dimension,
        SourcePosition DimensionAt,
        string Band,
        SourcePosition BandAt,
        CostTier CostTier,
        LocalText Text,
        ImmutableArray<string> Schemes,
        ImmutableArray<SourcePosition> SchemePositions);
}
