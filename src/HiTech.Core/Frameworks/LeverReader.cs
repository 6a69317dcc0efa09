using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace HiTech.Core.Frameworks;

/// <summary>Reads one item of the framework's <c>levers</c> block, keeping each field's position for the compiler's errors.</summary>
internal static class LeverReader
{
    private static readonly string[] Fields = ["input", "effort", "step", "step_of", "max_steps", "efforts", "schemes"];

    public static LeverDefinition? Read(YamlNodeReader reader, YamlNode node)
    {
        var map = reader.AsMap(node, "a lever", Fields);
        if (map is null)
        {
            return null;
        }

        var positions = ImmutableDictionary.CreateBuilder<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            if (map.Get(field) is { } value)
            {
                positions[field] = YamlNodeReader.PositionOf(value);
            }
        }

        int? maxSteps = null;
        if (map.Number("max_steps", false) is { } steps)
        {
            if (steps != Math.Floor(steps) || steps < 1 || steps > 100)
            {
                reader.Error(map.PositionOf("max_steps"), "bad-range", "'max_steps' of a lever is a whole number from 1 to 100.");
            }
            else
            {
                maxSteps = (int)steps;
            }
        }

        var efforts = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        if (reader.AsOpenMap(map.Get("efforts"), "a lever's efforts") is { } effortMap)
        {
            foreach (var (key, value) in effortMap.Node.Children)
            {
                var name = ((YamlScalarNode)key).Value ?? "";
                positions["efforts." + name] = YamlNodeReader.PositionOf(key);
                if (reader.TryNumber(value, $"the effort of '{name}'", out var effort))
                {
                    efforts[name] = effort;
                }
            }
        }

        return new LeverDefinition(
            map.String("input", true) ?? "",
            map.Number("effort", true) ?? 1,
            map.Number("step", false),
            map.String("step_of", false),
            maxSteps,
            efforts.ToImmutable(),
            reader.StringList(map.Get("schemes"), "schemes"),
            map.Position,
            positions.ToImmutable());
    }
}
