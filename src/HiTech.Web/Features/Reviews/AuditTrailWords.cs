using System.Text.Json;
using HiTech.Web.Features.Certificates;

namespace HiTech.Web.Features.Reviews;

/// <summary>One change an audit entry records, in words: the field's label and its value before and after (null: not there).</summary>
public sealed record AuditChange(string Field, string? Before, string? After);

/// <summary>
/// Words an audit entry's before and after (stored as JSON) for the review page: each changed field as its label in the
/// user's language with its old and new value, money in rupees with Indian grouping, shares as percentages, evidence
/// levels, review states and statuses translated, people by name. Ids that mean nothing to a person are left out.
/// </summary>
public sealed class AuditTrailWords(IStringLocalizer<ReviewsText> r)
{
    /// <summary>Keys that only link records (file and result ids, hashes, the signing key): the action already says what happened.</summary>
    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "input", "file", "result", "sha256", "organisationId", "assessmentId", "keyId", "type", "size", "profile", "version", "id",
    };

    /// <summary>The stored value of one input (number, flag or text) as the review page reads it.</summary>
    private static readonly string[] ValueKeys = ["number", "flag", "text"];

    public IReadOnlyList<AuditChange> Changes(ReviewView view, TrailEntry entry)
    {
        using var beforeDocument = Parse(entry.Before);
        using var afterDocument = Parse(entry.After);
        var before = beforeDocument?.RootElement;
        var after = afterDocument?.RootElement;
        var language = Language.Current;
        var framework = view.Framework;
        var changes = new List<AuditChange>();

        // A decision or a maturity score is about one figure: name it first, then its value as one field.
        var subjectId = Text(after, "input") ?? Text(before, "input");
        framework.InputsById.TryGetValue(subjectId ?? "", out var subject);
        if (subjectId is not null)
        {
            changes.Add(new AuditChange(r["Figure"], null, subject?.Definition.Title.In(language) ?? subjectId));
            if (ValueKeys.Any(k => Has(before, k) || Has(after, k)))
            {
                Add(changes, r["Value"], before is { } b ? InputValue(view, subject, Row(b)) : null, after is { } a ? InputValue(view, subject, Row(a)) : null);
            }
        }

        foreach (var key in Keys(before, after))
        {
            if (Hidden.Contains(key) || (subjectId is not null && ValueKeys.Contains(key)))
            {
                continue;
            }

            JsonElement? old = before is { } b && b.TryGetProperty(key, out var o) ? o : null;
            JsonElement? now = after is { } a && a.TryGetProperty(key, out var n) ? n : null;
            if (old is { } x && now is { } y && JsonElement.DeepEquals(x, y))
            {
                continue;
            }

            if (framework.InputsById.TryGetValue(key, out var input))
            {
                // Saved inputs: each key is an input id and its value the plain value.
                Add(changes, input.Definition.Title.In(language), old is { } ov ? InputValue(view, input, Plain(ov)) : null, now is { } nv ? InputValue(view, input, Plain(nv)) : null);
                continue;
            }

            // A field set for the first time reads "reason: …", not "reason: not given → …" (but "nobody → Anjali" for the assessor).
            var wasEmpty = old is { ValueKind: JsonValueKind.Null } && !key.Equals("assessor", StringComparison.OrdinalIgnoreCase);
            Add(changes, Label(key), old is { } ow && !wasEmpty ? Word(view, key, ow) : null, now is { } nw ? Word(view, key, nw) : null);
        }

        return changes;
    }

    private static void Add(List<AuditChange> changes, string field, string? before, string? after)
    {
        if (before != after)
        {
            changes.Add(new AuditChange(field, before, after));
        }
    }

    private string Label(string key) => key.ToLowerInvariant() switch
    {
        "status" => r["Status"],
        "assessor" => r["Assessor"],
        "comments" => r["Comments to the enterprise"],
        "tier" => r["Tier"],
        "certifiable_tier" => r["Tier the evidence supports"],
        "index" => r["Index (out of 100)"],
        "certificate" => r["Certificate"],
        "review" => r["Review"],
        "evidence" => r["Evidence level"],
        "note" => r["Assessor's reason"],
        "name" => r["Document"],
        "framework" => r["Framework"],
        "year" => r["Financial year"],
        "revoked" => r["Revoked"],
        "at" => r["When"],
        "reason" => r["Reason"],
        _ => key,
    };

    private string? Word(ReviewView view, string key, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return key.Equals("assessor", StringComparison.OrdinalIgnoreCase) ? r["Nobody"] : r["Not given"];
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : null;
        switch (key.ToLowerInvariant())
        {
            case "assessor" when value.TryGetGuid(out var person):
                return view.People.TryGetValue(person, out var name) ? name : r["Another assessor"];
            case "status" when text is not null:
                return text switch
                {
                    nameof(AssessmentStatus.Draft) => r["Draft"],
                    nameof(AssessmentStatus.Submitted) => r["Submitted"],
                    nameof(AssessmentStatus.Returned) => r["Returned to the enterprise"],
                    nameof(AssessmentStatus.Approved) => r["Approved"],
                    _ => text,
                };
            case "review" when text is not null:
                return text switch
                {
                    "verified" => r["Verified"],
                    "adjusted" => r["Adjusted"],
                    "rejected" => r["Rejected"],
                    _ => r["Not reviewed"],
                };
            case "evidence" when text is not null:
                return text switch
                {
                    "verified" => r["Verified"],
                    "document-backed" => r["Document-backed"],
                    _ => r["Self-declared"],
                };
            case "tier" or "certifiable_tier" when text is not null:
                return IssueCertificate.TierTitle(view.Framework, text).In(Language.Current);
            case "index" when value.ValueKind == JsonValueKind.Number:
                return Fmt.Number(value.GetDouble());
            case "year" when value.TryGetInt32(out var year):
                return Fmt.FinancialYear(year);
            case "at" when value.TryGetDateTimeOffset(out var at):
                return Fmt.DateTime(at);
            default:
                break;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => r["Yes"],
            JsonValueKind.False => r["No"],
            JsonValueKind.Number => Fmt.Number(value.GetDecimal(), value.GetDecimal() == decimal.Truncate(value.GetDecimal()) ? 0 : 2),
            JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => Word(view, key, v))),
            JsonValueKind.Object => string.Join(", ", value.EnumerateObject().Select(p => $"{Label(p.Name)}: {Word(view, p.Name, p.Value)}")),
            _ => text ?? value.GetRawText(),
        };
    }

    private string InputValue(ReviewView view, CompiledInput? input, AssessmentInput row) =>
        InputDisplay.Value(view.Framework, input, row, Language.Current, key => r[key]);

    /// <summary>A saved input's plain value (a number, yes/no, an option or a list of options) as the stored columns.</summary>
    private static AssessmentInput Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => new AssessmentInput { Number = value.GetDecimal() },
        JsonValueKind.True => new AssessmentInput { Flag = true },
        JsonValueKind.False => new AssessmentInput { Flag = false },
        JsonValueKind.String => new AssessmentInput { Text = value.GetString() },
        JsonValueKind.Array => new AssessmentInput { Text = string.Join(';', value.EnumerateArray().Select(v => v.ToString())) },
        _ => new AssessmentInput(),
    };

    /// <summary>A snapshot's number, flag and text as the stored columns.</summary>
    private static AssessmentInput Row(JsonElement snapshot) => new()
    {
        Number = snapshot.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetDecimal() : null,
        Flag = snapshot.TryGetProperty("flag", out var f) && f.ValueKind is JsonValueKind.True or JsonValueKind.False ? f.GetBoolean() : null,
        Text = snapshot.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null,
    };

    /// <summary>The keys of both sides, in the order they were written (after's first: it has every field a change sets).</summary>
    private static IEnumerable<string> Keys(JsonElement? before, JsonElement? after)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var side in new[] { after, before })
        {
            if (side is { ValueKind: JsonValueKind.Object } o)
            {
                foreach (var property in o.EnumerateObject())
                {
                    if (seen.Add(property.Name))
                    {
                        yield return property.Name;
                    }
                }
            }
        }
    }

    private static bool Has(JsonElement? side, string key) => side is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(key, out _);

    private static string? Text(JsonElement? side, string key) =>
        side is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static JsonDocument? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
