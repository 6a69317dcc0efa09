using System.Text.Json;
using HiTech.Core.Scoring;

namespace HiTech.Web.Features.Assessments;

/// <summary>
/// How a result's explanation is stored: <see cref="ExplanationJson"/>'s form (snake_case, readable Malayalam)
/// without indentation, a third smaller to write on every submission. Read back with <see cref="ExplanationJson.Options"/>.
/// </summary>
public static class StoredExplanation
{
    private static readonly JsonSerializerOptions Compact = new(ExplanationJson.Options) { WriteIndented = false };

    public static string Serialize(Explanation explanation) => JsonSerializer.Serialize(explanation, Compact);
}
