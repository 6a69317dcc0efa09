using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HiTech.Core.Maturity;
using HiTech.Core.Reference;

namespace HiTech.Web.Features.Maturity;

/// <summary>
/// How a maturity assessment is stored: the profile as <c>{"employees", "manufacturing", "size"}</c>, the answers
/// as the instrument's answers file (<see cref="MaturityAnswersJson"/>), and the latest scores as the CLI's
/// <c>hitech maturity score --json</c> shape (<c>dimensions</c>, <c>overall</c>, <c>band</c>, ...).
/// </summary>
public static class MaturityRecords
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string WriteProfile(MaturityProfile profile) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("employees", profile.Employees);
        w.WriteBoolean("manufacturing", profile.Manufacturing);
        w.WriteString("size", MaturityProfile.SizeId(profile.Size));
        w.WriteEndObject();
    });

    public static MaturityProfile ReadProfile(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var employees = root.TryGetProperty("employees", out var e) && e.TryGetInt32(out var n) ? n : 0;
        var manufacturing = root.TryGetProperty("manufacturing", out var m) && m.ValueKind == JsonValueKind.True;
        var size = root.TryGetProperty("size", out var s) && MaturityProfile.TryParseSize(s.GetString(), out var parsed) ? parsed : MsmeSize.Micro;
        return new MaturityProfile(employees, manufacturing, size);
    }

    /// <summary>The answers so far; an assessment whose answers cannot be read has none (never thrown at a reader).</summary>
    public static MaturityAnswers ReadAnswers(MaturityAssessment entity)
    {
        var (sheet, _) = MaturityAnswersJson.Read(entity.AnswersJson, "answers");
        return sheet?.Answers ?? MaturityAnswers.Empty;
    }

    public static string WriteAnswers(MaturityInstrument instrument, MaturityProfile profile, MaturityAnswers answers) =>
        MaturityAnswersJson.Write(new MaturityAnswerSheet(instrument.Reference, profile, answers), instrument);

    /// <summary>Stores the answers and what they score now: the scores' JSON, the overall score, its band, and whether it is a first estimate.</summary>
    public static void Store(MaturityAssessment entity, MaturityInstrument instrument, MaturityProfile profile, MaturityAnswers answers, MaturityResult result)
    {
        entity.AnswersJson = WriteAnswers(instrument, profile, answers);
        entity.ResultJson = result.Answered > 0 ? WriteResult(result) : null;
        entity.Overall = result.Overall;
        entity.Band = result.Band?.Id;
        entity.IsFirstEstimate = result.Overall is not null && result.IsFirstEstimate;
    }

    public static string WriteResult(MaturityResult result) => Json(w => MaturityResultJson.Write(w, result));

    /// <summary>The dimension scores of a stored result (those that have one).</summary>
    public static IReadOnlyDictionary<string, int> ReadDimensionScores(string? json)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return scores;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.TryGetProperty("dimensions", out var dimensions) && dimensions.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in dimensions.EnumerateObject())
            {
                if (property.Value.TryGetInt32(out var score))
                {
                    scores[property.Name] = score;
                }
            }
        }

        return scores;
    }

    /// <summary>
    /// A result as it was stored (for an assessment made with an instrument version this node does not have): the
    /// scores and bands, bands resolved against <paramref name="instrument"/> where it knows them.
    /// </summary>
    public static MaturityResult ReadResult(MaturityAssessment entity, MaturityInstrument instrument)
    {
        var profile = ReadProfile(entity.ProfileJson);
        var dimensions = ImmutableArray.CreateBuilder<DimensionScore>();
        var firstEstimate = entity.IsFirstEstimate;
        if (!string.IsNullOrEmpty(entity.ResultJson))
        {
            using var document = JsonDocument.Parse(entity.ResultJson);
            var root = document.RootElement;
            firstEstimate = root.TryGetProperty("first_estimate", out var f) && f.ValueKind == JsonValueKind.True;
            if (root.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Object)
            {
                foreach (var d in details.EnumerateObject())
                {
                    var v = d.Value;
                    int? score = v.TryGetProperty("score", out var s) && s.TryGetInt32(out var si) ? si : null;
                    dimensions.Add(new DimensionScore(
                        d.Name,
                        score,
                        Int(v, "points"),
                        Int(v, "possible"),
                        Int(v, "answered"),
                        Int(v, "applicable"),
                        v.TryGetProperty("screen_only", out var so) && so.ValueKind == JsonValueKind.True,
                        score is { } sc ? Band(instrument, v.TryGetProperty("band", out var b) ? b.GetString() : null, sc) : null));
                }
            }
        }

        return new MaturityResult(
            entity.InstrumentId,
            entity.InstrumentVersion,
            profile,
            dimensions.ToImmutable(),
            entity.Overall,
            entity.Overall is { } o ? Band(instrument, entity.Band, o) : null,
            [],
            [],
            firstEstimate,
            dimensions.Sum(d => d.Answered),
            dimensions.Sum(d => d.Applicable),
            [],
            [],
            []);
    }

    private static MaturityBand Band(MaturityInstrument instrument, string? id, int score) =>
        instrument.Scoring.Bands.FirstOrDefault(b => b.Id == id) ?? new MaturityBand(id ?? "unknown", score, score, new LocalText(id ?? "unknown"));

    private static int Int(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.TryGetInt32(out var n) ? n : 0;

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Writer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
