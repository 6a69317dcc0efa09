using System.Text.Json;

namespace HiTech.Core.Maturity;

/// <summary>
/// A maturity result as JSON, the one form the CLI prints and the platform stores: <c>dimensions</c> (id to score,
/// null where nothing was answered), <c>overall</c> and <c>band</c> first, then what was counted and the details.
/// </summary>
public static class MaturityResultJson
{
    public static void Write(Utf8JsonWriter writer, MaturityResult result)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("dimensions");
        foreach (var dimension in result.Dimensions)
        {
            Number(writer, dimension.DimensionId, dimension.Score);
        }

        writer.WriteEndObject();
        Number(writer, "overall", result.Overall);
        writer.WriteString("band", result.Band?.Id);
        writer.WriteString("instrument", $"{result.InstrumentId}/{result.InstrumentVersion}");
        writer.WriteBoolean("first_estimate", result.IsFirstEstimate);
        writer.WriteBoolean("complete", result.IsComplete);
        writer.WriteNumber("answered", result.Answered);
        writer.WriteNumber("applicable", result.Applicable);
        List(writer, "open_modules", result.OpenModules);
        List(writer, "closed_modules", result.ClosedModules);
        List(writer, "unanswered", result.Unanswered);
        List(writer, "ignored_answers", result.IgnoredAnswers);
        writer.WriteStartObject("details");
        foreach (var dimension in result.Dimensions)
        {
            writer.WriteStartObject(dimension.DimensionId);
            Number(writer, "score", dimension.Score);
            writer.WriteString("band", dimension.Band?.Id);
            writer.WriteNumber("points", dimension.Points);
            writer.WriteNumber("possible", dimension.Possible);
            writer.WriteNumber("answered", dimension.Answered);
            writer.WriteNumber("applicable", dimension.Applicable);
            writer.WriteBoolean("screen_only", dimension.ScreenOnly);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void List(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
