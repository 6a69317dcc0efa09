using System.Text.Json;

namespace HiTech.Core.Scoring;

/// <summary>Parses a JSON input file leniently (comments, trailing commas), or says where it is broken.</summary>
internal static class JsonInput
{
    public static JsonDocument? Parse(string json, string source, out string? error)
    {
        try
        {
            error = null;
            return JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            error = $"{source}: line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: not valid JSON: {e.Message.Split(" LineNumber", 2)[0]}";
            return null;
        }
    }
}
