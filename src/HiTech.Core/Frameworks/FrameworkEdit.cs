using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace HiTech.Core.Frameworks;

/// <summary>
/// Makes a new framework version out of one in force and a form's changes to its weights, tier thresholds and tier
/// gates. The changed values are written into the version's own YAML text, in place (comments, order and every
/// other line are kept, so the proposal reads and diffs like a file an author edited), and the result goes through
/// the same <see cref="FrameworkLoader"/> as any uploaded file. Each of the loader's errors is then traced back to the
/// setting or section it is about, so a form can show it beside the field.
/// </summary>
public static partial class FrameworkEdit
{
    private const double WeightTolerance = 1e-6;

    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$")]
    private static partial Regex VersionPattern();

    /// <summary>Every setting a form may change, in the order of the file: pillars with their indicators, then tiers.</summary>
    public static IReadOnlyList<FrameworkSetting> Settings(FrameworkDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var settings = new List<FrameworkSetting>();
        foreach (var pillar in definition.Pillars)
        {
            settings.Add(new FrameworkSetting($"pillars.{pillar.Id}.weight", FrameworkSettingKind.PillarWeight, pillar.Id, null, Number(pillar.Weight)));
            settings.AddRange(pillar.Indicators.Select(i =>
                new FrameworkSetting($"pillars.{pillar.Id}.indicators.{i.Id}.weight", FrameworkSettingKind.IndicatorWeight, i.Id, pillar.Id, Number(i.Weight))));
        }

        foreach (var tier in definition.Tiers)
        {
            settings.Add(new FrameworkSetting($"tiers.{tier.Id}.min_index", FrameworkSettingKind.TierMinIndex, tier.Id, null, Number(tier.MinIndex)));
            settings.Add(new FrameworkSetting($"tiers.{tier.Id}.gates", FrameworkSettingKind.TierGates, tier.Id, null, string.Join(',', tier.Gates)));
        }

        return settings;
    }

    /// <summary>
    /// Applies <paramref name="values"/> (setting path to the value typed: a number, or gate ids joined by commas) to
    /// the framework <paramref name="yaml"/> and names the result <paramref name="version"/>. Values equal to the
    /// version's own are not changes. Either a compiled framework and its changes, or every problem found.
    /// </summary>
    public static FrameworkEditResult Apply(string yaml, string file, string version, IReadOnlyDictionary<string, string> values, ImmutableArray<string> prioritySectorIds)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(values);
        var (definition, readErrors) = FrameworkYamlReader.Read(yaml, file);
        if (definition is null || readErrors.Count > 0)
        {
            return Refused([.. readErrors.Select(e => new FrameworkEditProblem("", e.Rule, [], e.Message))]);
        }

        var problems = new List<FrameworkEditProblem>();
        version = version.Trim();
        if (!VersionPattern().IsMatch(version))
        {
            problems.Add(new FrameworkEditProblem("version", "bad-version", [version], "A version is 1 to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit."));
        }
        else if (version == definition.Version)
        {
            problems.Add(new FrameworkEditProblem("version", "version-unchanged", [version], $"The proposal needs a version of its own; {version} is the version in force."));
        }

        var settings = Settings(definition).ToDictionary(s => s.Path, StringComparer.Ordinal);
        var gateIds = definition.Gates.Select(g => g.Id).ToList();
        var changes = new List<FrameworkSettingChange>();
        foreach (var (path, typed) in values)
        {
            if (!settings.TryGetValue(path, out var setting))
            {
                problems.Add(new FrameworkEditProblem(path, "unknown-setting", [path], $"The framework has no setting '{path}'."));
                continue;
            }

            if (Normalise(setting, typed ?? "", gateIds, problems) is { } after && after != setting.Value)
            {
                changes.Add(new FrameworkSettingChange(path, setting.Value, after));
            }
        }

        if (problems.Count == 0 && changes.Count == 0)
        {
            problems.Add(new FrameworkEditProblem("", "no-change", [], "Change at least one weight, threshold or gate."));
        }

        if (problems.Count > 0)
        {
            return Refused(problems);
        }

        var edited = Write(yaml, version, changes);
        var loaded = FrameworkLoader.Load(edited, file, prioritySectorIds);
        return loaded.Framework is { } framework
            ? new FrameworkEditResult(edited, framework, changes, [])
            : Refused(Locate(edited, file, loaded.Errors));
    }

    /// <summary>A typed value in the form the file and the diff write it, or null (and a problem) when it is not one.</summary>
    private static string? Normalise(FrameworkSetting setting, string typed, List<string> gateIds, List<FrameworkEditProblem> problems)
    {
        if (setting.Kind == FrameworkSettingKind.TierGates)
        {
            var chosen = typed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
            foreach (var unknown in chosen.Where(g => !gateIds.Contains(g, StringComparer.Ordinal)))
            {
                problems.Add(new FrameworkEditProblem(setting.Path, "unknown-gate", [setting.Element, unknown], $"The tier '{setting.Element}' cannot require '{unknown}': the framework has no such gate."));
            }

            var before = setting.Value.Split(',', StringSplitOptions.RemoveEmptyEntries);
            return chosen.ToHashSet(StringComparer.Ordinal).SetEquals(before) ? setting.Value : string.Join(',', gateIds.Where(chosen.Contains));
        }

        const NumberStyles Styles = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        if (!decimal.TryParse(typed, Styles, CultureInfo.InvariantCulture, out var number) || Math.Abs(number) > 1_000_000_000m)
        {
            problems.Add(new FrameworkEditProblem(setting.Path, "not-a-number", [setting.Element, typed.Trim()], $"'{typed.Trim()}' is not a number; write it with digits and a point, for example 12.5."));
            return null;
        }

        return Number((double)number);
    }

    /// <summary>The framework text with the version and each changed value written over the old one, in place.</summary>
    private static string Write(string yaml, string version, List<FrameworkSettingChange> changes)
    {
        YamlStream stream = [];
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var edits = new List<(int Start, int End, string Text)> { Replace(Child(root, "version")!.Value.Value, $"\"{version}\"") };
        foreach (var change in changes)
        {
            var parts = change.Path.Split('.');
            if (parts[0] == "pillars")
            {
                var pillar = Item(root, "pillars", parts[1]);
                var owner = parts.Length == 5 ? Item(pillar, "indicators", parts[3]) : pillar;
                edits.Add(Replace(Child(owner, "weight")!.Value.Value, change.After));
                continue;
            }

            var tier = Item(root, "tiers", parts[1]);
            if (parts[2] == "min_index")
            {
                edits.Add(Replace(Child(tier, "min_index")!.Value.Value, change.After));
            }
            else if (Child(tier, "gates") is { Value: var gates })
            {
                edits.Add(((int)gates.Start.Index, EndOf(gates, yaml), Flow(change.After)));
            }
            else
            {
                // The tier requires no gate yet: the key goes on a line of its own after min_index, indented as it is.
                var (key, value) = Child(tier, "min_index")!.Value;
                var at = (int)value.End.Index;
                var text = tier.Style == YamlDotNet.Core.Events.MappingStyle.Flow
                    ? $", gates: {Flow(change.After)}"
                    : $"\n{new string(' ', (int)key.Start.Column - 1)}gates: {Flow(change.After)}";
                edits.Add((at, at, text));
            }
        }

        var result = yaml;
        foreach (var (start, end, text) in edits.OrderByDescending(e => e.Start))
        {
            result = string.Concat(result.AsSpan(0, start), text, result.AsSpan(end));
        }

        return result;
    }

    /// <summary>Traces each loader error to the setting or section at its line, with the values a sentence about it needs.</summary>
    private static List<FrameworkEditProblem> Locate(string yaml, string file, IReadOnlyList<FrameworkError> errors)
    {
        var (definition, _) = FrameworkYamlReader.Read(yaml, file);
        var problems = new List<FrameworkEditProblem>();
        void Add(string path, string rule, IReadOnlyList<string> values, string message)
        {
            if (!problems.Any(p => p.Path == path && p.Rule == rule))
            {
                problems.Add(new FrameworkEditProblem(path, rule, values, message));
            }
        }

        foreach (var error in errors)
        {
            var pillar = definition?.Pillars.FirstOrDefault(p => p.Position.Line == error.Line);
            var indicator = definition?.Pillars.SelectMany(p => p.Indicators.Select(i => (Pillar: p, Indicator: i))).FirstOrDefault(x => x.Indicator.Position.Line == error.Line) ?? default;
            var tier = definition?.Tiers.FirstOrDefault(t => t.Position.Line == error.Line);
            if (pillar is not null && error.Rule == "weights-sum")
            {
                var sum = pillar.Indicators.Sum(i => i.Weight);
                if (Math.Abs(sum - 100) > WeightTolerance)
                {
                    Add($"pillars.{pillar.Id}.indicators", "indicator-weights-sum", [pillar.Id, Number(sum)], error.Message);
                }

                var total = definition!.Pillars.Sum(p => p.Weight);
                if (Math.Abs(total - 100) > WeightTolerance)
                {
                    Add("pillars", "pillar-weights-sum", [Number(total)], error.Message);
                }
            }
            else if (pillar is not null)
            {
                Add($"pillars.{pillar.Id}.weight", error.Rule, [pillar.Id, Number(pillar.Weight)], error.Message);
            }
            else if (indicator.Indicator is { } found)
            {
                Add($"pillars.{indicator.Pillar!.Id}.indicators.{found.Id}.weight", error.Rule, [found.Id, Number(found.Weight)], error.Message);
            }
            else if (tier is not null)
            {
                Add($"tiers.{tier.Id}.{(error.Rule == "unknown-gate" ? "gates" : "min_index")}", error.Rule, [tier.Id, Number(tier.MinIndex)], error.Message);
            }
            else
            {
                Add("", error.Rule, [], error.Message);
            }
        }

        return problems;
    }

    private static FrameworkEditResult Refused(List<FrameworkEditProblem> problems) => new(null, null, [], problems);

    private static (int Start, int End, string Text) Replace(YamlNode node, string text) => ((int)node.Start.Index, (int)node.End.Index, text);

    private static (YamlNode Key, YamlNode Value)? Child(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: var name } && name == key)
            {
                return (k, v);
            }
        }

        return null;
    }

    private static YamlMappingNode Item(YamlMappingNode map, string list, string id) =>
        ((YamlSequenceNode)Child(map, list)!.Value.Value).Children.OfType<YamlMappingNode>()
            .First(m => Child(m, "id")?.Value is YamlScalarNode { Value: var value } && value == id);

    /// <summary>Where a list of gates ends in the text: the parser marks a sequence's start only.</summary>
    private static int EndOf(YamlNode gates, string yaml) => gates switch
    {
        YamlSequenceNode { Style: YamlDotNet.Core.Events.SequenceStyle.Flow } flow => yaml.IndexOf(']', (int)flow.Start.Index) + 1,
        YamlSequenceNode { Children.Count: > 0 } block => (int)block.Children[^1].End.Index,
        _ => (int)gates.End.Index,
    };

    private static string Flow(string gates) => $"[{string.Join(", ", gates.Split(',', StringSplitOptions.RemoveEmptyEntries))}]";

    /// <summary>A number as the file and the diff write it: invariant, no exponent, no trailing zeros.</summary>
    public static string Number(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
