using System.Globalization;
using HiTech.Core.Identifiers;
using HiTech.Core.Reference;
using HiTech.Core.Scoring;

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

        // The platform is Kerala's: a unit registered in another state has another state's letters here.
        if (UdyamNumber.StateCode(value) is var state and not UdyamNumber.KeralaStateCode)
        {
            Add(errors, field, l["The state part of this Udyam number is {0}, not KL: the platform is for units in Kerala, whose Udyam numbers start UDYAM-KL-", state]);
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

        if (Gstin.StateCode(value) is var state and not Gstin.KeralaStateCode)
        {
            Add(errors, field, l["The state code of this GSTIN (its first 2 digits) is {0}, not 32: a unit in Kerala has a GSTIN starting with 32", state]);
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
    /// An amount typed in a form, read by the platform's one money reading (<see cref="MoneyText"/>: 25,00,000,
    /// 25 lakh, 1.2 കോടി, ₹ 2,500,000). Empty is null without a message (the rules then ask for it); anything that is
    /// not one clear amount of rupees gets a message saying why.
    /// </summary>
    public decimal? TypedAmount(IDictionary<string, string> errors, string? typed, string field)
    {
        var investment = field == "investmentInr";
        switch (MoneyText.TryParse(typed, out var amount))
        {
            case MoneyProblem.None:
                return amount;
            case MoneyProblem.Empty:
                return null;
            case MoneyProblem.Negative:
                Add(errors, field, investment ? l["The investment cannot be negative"] : l["The turnover cannot be negative"]);
                return null;
            case MoneyProblem.Ambiguous:
                Add(errors, field, l["This amount can be read more than one way: write it like 12,34,567 or 12.5 lakh"]);
                return null;
            case MoneyProblem.TooLarge:
                Add(errors, field, l["This amount is too large. Check it is in rupees, like 25,00,000"]);
                return null;
            default:
                Add(errors, field, investment ? l["Enter the investment in rupees, like 25,00,000 or 25 lakh"] : l["Enter the turnover in rupees, like 1,20,00,000 or 1.2 crore"]);
                return null;
        }
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
            Add(errors, field, l["This amount is too large. Check it is in rupees, like 25,00,000"]);
            return null;
        }

        return decimal.Round(amount, 2);
    }
}
