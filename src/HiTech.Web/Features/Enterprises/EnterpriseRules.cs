using System.Globalization;
using HiTech.Core.Identifiers;
using HiTech.Core.Reference;

namespace HiTech.Web.Features.Enterprises;

/// <summary>
/// The checks on what an owner types, shared by the pages and the API, with messages in the user's language.
/// Each check adds at most one message per field (keyed by the API's camelCase field name) and returns the
/// cleaned value.
/// </summary>
public sealed class EnterpriseRules(ReferenceData reference, IStringLocalizer<EnterprisesText> l, IStringLocalizer<SharedResource> t)
{
    public const int MaxNameLength = 200;
    public const int MaxAddressLength = 500;

    /// <summary>No unit's figures come near this (₹10 lakh crore); above it, the amount was surely typed wrongly.</summary>
    public const decimal MaxAmountInr = 10_000_000_000_000m;

    public ReferenceData Reference => reference;

    public string? Name(IDictionary<string, string> errors, string? value, string field = "name", bool unit = false)
    {
        var name = Text(errors, field, value, multiline: false);
        if (name is null)
        {
            return null;
        }

        if (name.Length == 0)
        {
            Add(errors, field, unit ? l["Enter a name for the unit"] : l["Enter the name of your enterprise"]);
            return null;
        }

        if (name.Length > MaxNameLength)
        {
            Add(errors, field, l["The name must be 200 characters or fewer"]);
            return null;
        }

        return name;
    }

    /// <summary>The Udyam number in its canonical form (UDYAM-KL-08-0012345), or null with a message.</summary>
    public string? Udyam(IDictionary<string, string> errors, string? value, string field = "udyamNumber")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(errors, field, l["Enter your Udyam registration number"]);
            return null;
        }

        if (UdyamNumber.Check(value) is { } problem)
        {
            Add(errors, field, l[problem]);
            return null;
        }

        return UdyamNumber.Normalise(value);
    }

    /// <summary>The GSTIN in capitals without spaces; empty is allowed (units below the GST threshold have none).</summary>
    public string? GstinOrNone(IDictionary<string, string> errors, string? value, string field = "gstin")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Gstin.Check(value) is { } problem)
        {
            Add(errors, field, l[problem]);
            return null;
        }

        return Gstin.Normalise(value);
    }

    /// <summary>One of Kerala's 14 districts, from its id, English or Malayalam name or a common spelling.</summary>
    public District? District(IDictionary<string, string> errors, string? value, string field = "district")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(errors, field, l["Choose the district"]);
            return null;
        }

        if (!reference.Districts.TryResolve(value, out var district))
        {
            Add(errors, field, l["Choose one of Kerala's 14 districts"]);
            return null;
        }

        return district;
    }

    public string? Address(IDictionary<string, string> errors, string? value, string field = "address")
    {
        var address = Text(errors, field, value, multiline: true);
        if (address is null)
        {
            return null;
        }

        if (address.Length == 0)
        {
            Add(errors, field, l["Enter the address"]);
            return null;
        }

        if (address.Length > MaxAddressLength)
        {
            Add(errors, field, l["The address must be 500 characters or fewer"]);
            return null;
        }

        return address;
    }

    public decimal? Investment(IDictionary<string, string> errors, decimal? value, string field = "investmentInr") =>
        Amount(errors, value, field, l["Enter the investment in plant and machinery, in rupees"], l["The investment cannot be negative"]);

    public decimal? Turnover(IDictionary<string, string> errors, decimal? value, string field = "turnoverInr") =>
        Amount(errors, value, field, l["Enter the annual turnover, in rupees"], l["The turnover cannot be negative"]);

    /// <summary>
    /// Reads an amount as people type it: digits with Indian or Western grouping, an optional ₹ or Rs,
    /// paise after a point. Null when it is not a number.
    /// </summary>
    public static decimal? ParseAmount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = text.Trim()
            .Replace("₹", "", StringComparison.Ordinal)
            .Replace("Rs.", "", StringComparison.OrdinalIgnoreCase)
            .Replace("Rs", "", StringComparison.OrdinalIgnoreCase)
            .Replace("/-", "", StringComparison.Ordinal)
            .Replace(",", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal);
        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : null;
    }

    /// <summary>Reads a percentage as typed: "40", "40.5" or "40 %".</summary>
    public static decimal? ParsePercent(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = text.Trim().Replace("%", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            ? percent
            : null;
    }

    /// <summary>A percentage as shown to people: up to two decimals, invariant, e.g. "33.33%".</summary>
    public static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>An amount as typed back into a form: digits only, e.g. "2500000".</summary>
    public static string Plain(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);

    public static void Add(IDictionary<string, string> errors, string field, string message) => errors.TryAdd(field, message);

    /// <summary>The text by the platform's one rule (<see cref="TextRules"/>): trimmed and in NFC, or null with a message.</summary>
    private string? Text(IDictionary<string, string> errors, string field, string? value, bool multiline)
    {
        var check = TextRules.Check(value, multiline);
        if (check.IsOk)
        {
            return check.Value;
        }

        Add(errors, field, TextWords.Say(check.Problem, t));
        return null;
    }

    private decimal? Amount(IDictionary<string, string> errors, decimal? value, string field, string missing, string negative)
    {
        if (value is not { } amount)
        {
            Add(errors, field, missing);
            return null;
        }

        if (amount < 0)
        {
            Add(errors, field, negative);
            return null;
        }

        if (amount > MaxAmountInr)
        {
            Add(errors, field, l["This amount is too large. Check it is in rupees, like 2500000"]);
            return null;
        }

        return decimal.Round(amount, 2);
    }
}
