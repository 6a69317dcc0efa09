using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using HiTech.Core.Frameworks;

namespace HiTech.Core.Scoring;

/// <summary>
/// The JSON form of an <see cref="Explanation"/>: snake_case keys, readable Malayalam (not \u-escaped),
/// stable key order. Used by <c>hitech explain --json</c>, the API and golden tests.
/// </summary>
public static class ExplanationJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize(Explanation explanation) => JsonSerializer.Serialize(explanation, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new LocalTextConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Writes a bilingual text as {"en": ..., "ml": ...}, leaving out a missing Malayalam text.</summary>
    private sealed class LocalTextConverter : JsonConverter<LocalText>
    {
        public override LocalText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                return new LocalText(reader.GetString() ?? "");
            }

            string? en = null;
            string? ml = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "en")
                {
                    en = reader.GetString();
                }
                else if (name == "ml")
                {
                    ml = reader.GetString();
                }
            }

            return new LocalText(en ?? "", ml);
        }

        public override void Write(Utf8JsonWriter writer, LocalText value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("en", value.En);
            if (!string.IsNullOrEmpty(value.Ml))
            {
                writer.WriteString("ml", value.Ml);
            }

            writer.WriteEndObject();
        }
    }
}
