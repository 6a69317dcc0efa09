using System.Collections.Immutable;
using System.Text.Json;
using HiTech.Core.Frameworks;

namespace HiTech.Core.Scoring;

/// <summary>
/// Reads an enterprise from JSON (the format of <c>hitech explain --enterprise</c>, documented in
/// docs/registry-format.md). Errors name the JSON path and, for syntax errors, the line.
/// </summary>
public static class EnterpriseJson
{
    public static (EnterpriseInput? Enterprise, IReadOnlyList<string> Errors) Read(string json, string source)
    {
        var errors = new List<string>();
        if (JsonInput.Parse(json, source, out var error) is not { } document)
        {
            return (null, [error!]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, [$"{source}: $: must be a JSON object"]);
            }

            var id = Text(root, "id", source, errors, required: true);
            var name = Text(root, "name", source, errors, required: false);
            var district = Text(root, "district", source, errors, required: false);
            var activities = ImmutableArray.CreateBuilder<ActivityInput>();
            if (root.TryGetProperty("activities", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var path = $"$.activities[{index++}]";
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        activities.Add(new ActivityInput(item.GetString()!, null, []));
                        continue;
                    }

                    if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String)
                    {
                        errors.Add($"{source}: {path}: must be a NIC code, or an object with \"code\", optional \"share\" and \"stages\"");
                        continue;
                    }

                    decimal? share = null;
                    if (item.TryGetProperty("share", out var s))
                    {
                        if (s.ValueKind == JsonValueKind.Number && s.TryGetDecimal(out var d))
                        {
                            share = d;
                        }
                        else if (s.ValueKind != JsonValueKind.Null)
                        {
                            errors.Add($"{source}: {path}.share: must be a number between 0 and 1");
                        }
                    }

                    var stages = item.TryGetProperty("stages", out var st) && st.ValueKind == JsonValueKind.Array
                        ? [.. st.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.ToString())]
                        : ImmutableArray<string>.Empty;
                    activities.Add(new ActivityInput(code.GetString()!, share, stages));
                }
            }
            else
            {
                errors.Add($"{source}: $.activities: a list of activities is required");
            }

            var inputs = ImmutableDictionary.CreateBuilder<string, InputValue>(StringComparer.Ordinal);
            if (root.TryGetProperty("inputs", out var values) && values.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in values.EnumerateObject())
                {
                    if (ReadValue(property.Value, $"$.inputs.{property.Name}", source, errors) is { } value)
                    {
                        inputs[property.Name] = value;
                    }
                }
            }
            else if (root.TryGetProperty("inputs", out _))
            {
                errors.Add($"{source}: $.inputs: must be an object of input values");
            }

            return errors.Count > 0 ? (null, errors) : (new EnterpriseInput(id!, name, district, activities.ToImmutable(), inputs.ToImmutable()), errors);
        }
    }

    /// <summary>A value is written bare (<c>12000</c>, <c>true</c>, <c>"iso"</c>, <c>["a"]</c>) or as <c>{"value": ..., "evidence": "verified"}</c>.</summary>
    private static InputValue? ReadValue(JsonElement element, string path, string source, List<string> errors)
    {
        var evidence = EvidenceLevel.SelfDeclared;
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("evidence", out var e))
            {
                if (e.ValueKind != JsonValueKind.String || !EvidenceLevels.TryParse(e.GetString(), out evidence))
                {
                    errors.Add($"{source}: {path}.evidence: must be self-declared, document-backed or verified");
                    return null;
                }
            }

            if (!element.TryGetProperty("value", out element))
            {
                errors.Add($"{source}: {path}: an object value needs a \"value\"");
                return null;
            }
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number when element.TryGetDecimal(out var number):
                return new InputValue(Number: number, Evidence: evidence);
            case JsonValueKind.True:
            case JsonValueKind.False:
                return new InputValue(Flag: element.GetBoolean(), Evidence: evidence);
            case JsonValueKind.String:
                return new InputValue(Choice: element.GetString(), Evidence: evidence);
            case JsonValueKind.Array:
                return new InputValue(Codes: [.. element.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.ToString())], Evidence: evidence);
            default:
                errors.Add($"{source}: {path}: '{element}' is not a usable value");
                return null;
        }
    }

    private static string? Text(JsonElement root, string name, string source, List<string> errors, bool required)
    {
        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0)
        {
            return value.GetString()!.Trim();
        }

        if (required || (value.ValueKind != JsonValueKind.Undefined && value.ValueKind != JsonValueKind.Null))
        {
            errors.Add($"{source}: $.{name}: {(required ? "is required and " : "")}must be a non-empty text");
        }

        return null;
    }
}
