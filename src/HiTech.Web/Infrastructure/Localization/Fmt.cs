using System.Globalization;
using HiTech.Core.Scoring;

namespace HiTech.Web.Infrastructure.Localization;

/// <summary>
/// How numbers, money and dates are shown in both languages: Indian grouping with the rupee sign
/// (₹12,34,567) and dd-MM-yyyy dates, independent of the server's culture.
/// </summary>
public static class Fmt
{
    public static string Money(decimal? amount) => amount is { } a ? IndianFormat.Rupees(a) : "";

    public static string Number(decimal? value, int decimals = 0) => value is { } v ? IndianFormat.Group(v, decimals) : "";

    public static string Number(double value, int decimals = 1) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Percent(double ratio, int decimals = 0) => (ratio * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";

    public static string Date(DateTimeOffset? date) => date?.ToOffset(Ist).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string DateTime(DateTimeOffset? date) => date?.ToOffset(Ist).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture) ?? "";

    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>A financial year label: 2024 gives "2024-25".</summary>
    public static string FinancialYear(int year) => $"{year.ToString(CultureInfo.InvariantCulture)}-{((year + 1) % 100).ToString("00", CultureInfo.InvariantCulture)}";

    /// <summary>Indian Standard Time: dates shown to users are Kerala dates.</summary>
    private static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);
}
