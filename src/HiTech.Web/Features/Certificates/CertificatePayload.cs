using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HiTech.Web.Features.Certificates;

/// <summary>
/// What a certificate asserts, exactly as signed. <see cref="ToJson"/> gives the canonical JSON (sorted keys,
/// no whitespace, invariant numbers, ISO dates); <see cref="TryParse"/> reads it back.
/// </summary>
public sealed record CertificatePayload(
    string Id,
    string Organisation,
    string Udyam,
    string District,
    int Year,
    string Tier,
    LocalText TierTitle,
    decimal Index,
    string FrameworkId,
    string FrameworkVersion,
    DateOnly Issued,
    string KeyId)
{
    /// <summary>Identifies the kind and layout of the signed document.</summary>
    public const string Type = "kerala-htmf-certificate/1";

    /// <summary>The financial year label, e.g. 2024-25.</summary>
    public string FinancialYear => $"{Year.ToString(CultureInfo.InvariantCulture)}-{((Year + 1) % 100).ToString("00", CultureInfo.InvariantCulture)}";

    public string ToJson()
    {
        var title = new JsonObject { ["en"] = TierTitle.En };
        if (!string.IsNullOrEmpty(TierTitle.Ml))
        {
            title["ml"] = TierTitle.Ml;
        }

        var node = new JsonObject
        {
            ["type"] = Type,
            ["id"] = Id,
            ["organisation"] = Organisation,
            ["udyam"] = Udyam,
            ["district"] = District,
            ["financial_year"] = FinancialYear,
            ["tier"] = Tier,
            ["tier_title"] = title,
            ["index"] = JsonValue.Create(Normalise(Index)),
            ["framework"] = FrameworkId,
            ["framework_version"] = FrameworkVersion,
            ["issued"] = Issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["key_id"] = KeyId,
        };
        return CanonicalJson.Serialize(node);
    }

    /// <summary>Reads a payload; null when it is not a certificate payload of this kind.</summary>
    public static CertificatePayload? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || json.Length > 8192)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "type") != Type)
            {
                return null;
            }

            var year = Text(root, "financial_year");
            var title = root.TryGetProperty("tier_title", out var t) && t.ValueKind == JsonValueKind.Object
                ? new LocalText(Text(t, "en") ?? "", Text(t, "ml"))
                : null;
            if (year is null || year.Length < 4 || !int.TryParse(year.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var firstYear)
                || !root.TryGetProperty("index", out var index) || index.ValueKind != JsonValueKind.Number
                || !DateOnly.TryParseExact(Text(root, "issued"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var issued)
                || title is null)
            {
                return null;
            }

            var payload = new CertificatePayload(
                Text(root, "id") ?? "",
                Text(root, "organisation") ?? "",
                Text(root, "udyam") ?? "",
                Text(root, "district") ?? "",
                firstYear,
                Text(root, "tier") ?? "",
                title,
                index.GetDecimal(),
                Text(root, "framework") ?? "",
                Text(root, "framework_version") ?? "",
                issued,
                Text(root, "key_id") ?? "");
            return payload.Id.Length == 0 || payload.KeyId.Length == 0 ? null : payload;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Two decimals at most, no trailing zeros: 62.30 is written 62.3, 70.00 is written 70.</summary>
    public static decimal Normalise(decimal index) =>
        decimal.Parse(decimal.Round(index, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
