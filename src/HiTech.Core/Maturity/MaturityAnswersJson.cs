using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HiTech.Core.Reference;
using HiTech.Core.Scoring;

namespace HiTech.Core.Maturity;

/// <summary>A saved assessment: which instrument (id/version, optional), the firm's profile and its answers so far.</summary>
public sealed record MaturityAnswerSheet(string? Instrument, MaturityProfile Profile, MaturityAnswers Answers);

/// <summary>
/// The answers file (docs/maturity.md): <c>{"instrument": "dma-kerala/2025.1", "profile": {"employees": 12,
/// "manufacturing": true, "size": "small"}, "answers": {"QUESTION": "OPTION" or ["OPTION", ...]}}</c>. An answer of
/// null or [] is "not answered yet". Reading checks the shape only; <see cref="MaturityScorer.Validate"/> checks the
/// answers against the instrument. Errors name the JSON path and, for syntax errors, the line.
/// </summary>
public static class MaturityAnswersJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static (MaturityAnswerSheet? Sheet, IReadOnlyList<string> Errors) Read(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (JsonInput.Parse(json, source, out var error) is not { } document)
        {
            return (null, [error!]);
        }

        using (document)
        {
            var errors = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, [$"{source}: $: an answers file is a JSON object with \"profile\" and \"answers\""]);
            }

            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("instrument" or "profile" or "answers"))
                {
                    errors.Add($"{source}: $.{property.Name}: not a field of an answers file (fields: instrument, profile, answers)");
                }
            }

            string? instrument = null;
            if (root.TryGetProperty("instrument", out var instrumentElement) && instrumentElement.ValueKind != JsonValueKind.Null)
            {
                if (instrumentElement.ValueKind == JsonValueKind.String && instrumentElement.GetString() is { Length: > 0 } text)
                {
                    instrument = text;
                }
                else
                {
                    errors.Add($"{source}: $.instrument: must be an instrument id/version such as \"dma-kerala/2025.1\"");
                }
            }

            var profile = ReadProfile(root, source, errors);
            var answers = ReadAnswers(root, source, errors);
            return errors.Count > 0 || profile is null ? (null, errors) : (new MaturityAnswerSheet(instrument, profile, answers), errors);
        }
    }

    /// <summary>
    /// Writes a sheet as JSON (UTF-8 text, readable Malayalam, "\n" line ends). With the instrument, answers follow its
    /// question order and a tick-all answer is always a list; without it, in ordinal order, a single option as a string.
    /// </summary>
    public static string Write(MaturityAnswerSheet sheet, MaturityInstrument? instrument = null)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            if (sheet.Instrument is not null)
            {
                writer.WriteString("instrument", sheet.Instrument);
            }

            writer.WriteStartObject("profile");
            writer.WriteNumber("employees", sheet.Profile.Employees);
            writer.WriteBoolean("manufacturing", sheet.Profile.Manufacturing);
            writer.WriteString("size", MaturityProfile.SizeId(sheet.Profile.Size));
            writer.WriteEndObject();

            writer.WriteStartObject("answers");
            var order = instrument is null
                ? sheet.Answers.QuestionIds.ToList()
                : [.. instrument.Questions.Select(q => q.Id).Where(id => sheet.Answers.TryGet(id, out _)), .. sheet.Answers.QuestionIds.Where(id => !instrument.TryGetQuestion(id, out _))];
            foreach (var id in order)
            {
                sheet.Answers.TryGet(id, out var options);
                var isMulti = instrument is not null && instrument.TryGetQuestion(id, out var question) && question.Type == QuestionType.Multi;
                if (options.Length == 1 && !isMulti)
                {
                    writer.WriteString(id, options[0]);
                }
                else
                {
                    writer.WriteStartArray(id);
                    foreach (var option in options)
                    {
                        writer.WriteStringValue(option);
                    }

                    writer.WriteEndArray();
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static MaturityProfile? ReadProfile(JsonElement root, string source, List<string> errors)
    {
        if (!root.TryGetProperty("profile", out var profile) || profile.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{source}: $.profile: an object with \"employees\", \"manufacturing\" and \"size\" is required");
            return null;
        }

        foreach (var property in profile.EnumerateObject())
        {
            if (property.Name is not ("employees" or "manufacturing" or "size"))
            {
                errors.Add($"{source}: $.profile.{property.Name}: not a profile field (fields: employees, manufacturing, size)");
            }
        }

        var employees = -1;
        if (!profile.TryGetProperty("employees", out var e) || e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out employees) || employees < 0)
        {
            errors.Add($"{source}: $.profile.employees: must be a whole number of staff, 0 or more");
        }

        var manufacturing = false;
        if (!profile.TryGetProperty("manufacturing", out var m) || m.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add($"{source}: $.profile.manufacturing: must be true or false");
        }
        else
        {
            manufacturing = m.GetBoolean();
        }

        var size = default(MsmeSize);
        if (!profile.TryGetProperty("size", out var s) || s.ValueKind != JsonValueKind.String || !MaturityProfile.TryParseSize(s.GetString(), out size))
        {
            var given = profile.TryGetProperty("size", out var g) ? $" (not {g.GetRawText()})" : "";
            errors.Add($"{source}: $.profile.size: must be \"micro\", \"small\", \"medium\" or \"large\"{given}");
        }

        return new MaturityProfile(Math.Max(employees, 0), manufacturing, size);
    }

    private static MaturityAnswers ReadAnswers(JsonElement root, string source, List<string> errors)
    {
        var answers = MaturityAnswers.Empty;
        if (!root.TryGetProperty("answers", out var element) || element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{source}: $.answers: an object of question id to option id (or a list of option ids) is required");
            return answers;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var path = $"$.answers.{property.Name}";
            if (!seen.Add(property.Name))
            {
                errors.Add($"{source}: {path}: answered twice");
                continue;
            }

            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                    break;
                case JsonValueKind.String:
                    answers = answers.With(property.Name, value.GetString()!);
                    break;
                case JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String):
                    answers = answers.With(property.Name, [.. value.EnumerateArray().Select(v => v.GetString()!)]);
                    break;
                default:
                    errors.Add($"{source}: {path}: must be an option id, or a list of option ids (not {Describe(value)})");
                    break;
            }
        }

        return answers;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => string.Create(CultureInfo.InvariantCulture, $"the number {value.GetRawText()}"),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Object => "an object",
        _ => "a list with something other than option ids",
    };
}
