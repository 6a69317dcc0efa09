using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using HiTech.Core.Frameworks;

namespace HiTech.Core.Scoring;

/// <summary>
/// The JSON form of an <see cref="Explanation"/>: snake_case keys, readable Malayalam (not \u-escaped),
/// stable key order. The one writer of explanations: <c>hitech explain --json</c>, the API, stored results and golden tests.
/// </summary>
public static class ExplanationJson
{
    /// <summary>The indented form; also reads either form back.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    /// <summary>Without indentation: a third smaller, for results stored on every submission.</summary>
    private static readonly JsonSerializerOptions Compact = Create(indented: false);

    public static string Serialize(Explanation explanation, bool indented = true) =>
        JsonSerializer.Serialize(explanation, indented ? Options : Compact);

    private static JsonSerializerOptions Create(bool indented, bool legacy = true)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new LocalTextConverter());
        if (legacy)
        {
            options.Converters.Add(new PlansConverter());
        }

        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// Reads "what it would take" as plans; an explanation stored before plans existed holds a list of single-input
    /// options there instead, which reads as null (no plans recorded) so that the old result still renders.
    /// </summary>
    private sealed class PlansConverter : JsonConverter<NextTierPlans>
    {
        private static readonly JsonSerializerOptions Plain = Create(indented: false, legacy: false);

        public override NextTierPlans? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                reader.Skip();
                return null;
            }

            return JsonSerializer.Deserialize<NextTierPlans>(ref reader, Plain);
        }

        public override void Write(Utf8JsonWriter writer, NextTierPlans value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, Plain);
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
