using System.Globalization;
using HiTech.Core.Analytics;

namespace HiTech.Cli.Commands;

/// <summary>One published line of <c>hitech indicators</c>: the fields of <see cref="IndicatorsCommand.Columns"/>, empty where suppressed.</summary>
public sealed record IndicatorRow(IReadOnlyList<string> Fields);

public static class IndicatorRows
{
    /// <summary>A line per group in key order, then the total ("all"); a suppressed group keeps only its name and the rule.</summary>
    public static IReadOnlyList<IndicatorRow> Of(DisclosedTable disclosed)
    {
        var by = disclosed.Table.By.Name();
        var rows = disclosed.Table.Groups.Select((g, i) => Row(by, g, disclosed.Groups[i])).ToList();
        rows.Add(Row(by, disclosed.Table.Total, disclosed.Total));
        return rows;
    }

    private static IndicatorRow Row(string by, GroupTotals group, CellDisclosure verdict)
    {
        if (!verdict.Published)
        {
            return new([by, group.Group, "", "", "", "", "", "", "", verdict.RuleName]);
        }

        var values = IndicatorValues.Of(group);
        return new(
        [
            by,
            group.Group,
            values.Enterprises.ToString(CultureInfo.InvariantCulture),
            values.HiTechEnterprises.ToString(CultureInfo.InvariantCulture),
            Money(values.ValueAddedInr),
            Money(values.MhtValueAddedInr),
            Percent(values.Sdg9b1SharePercent),
            Money(values.RdSpendInr),
            Percent(values.RdIntensityPercent),
            "",
        ]);
    }

    /// <summary>Whole rupees, as the registry gives them.</summary>
    private static string Money(decimal inr) => Math.Round(inr, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>Percentages to two decimals; empty when there is nothing to divide by.</summary>
    private static string Percent(decimal? percent) => percent is { } p ? Math.Round(p, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) : "";
}
