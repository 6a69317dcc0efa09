using HiTech.Core.Analytics;

namespace HiTech.Web.Features.Analytics;

/// <summary>What the _GroupTable partial shows: one published table with its caption and first column's name, worded by <paramref name="Labels"/>.</summary>
public sealed record GroupTableView(string Id, string Caption, string GroupColumn, PublishedTable Table, DashboardLabels Labels, DisclosureRules Rules, IReadOnlyList<string> Indicators)
{
    /// <summary>The columns the dashboard's tables show.</summary>
    public static IReadOnlyList<string> DashboardColumns { get; } =
        [DashboardIndicators.Enterprises, DashboardIndicators.HiTech, DashboardIndicators.Sdg9b1, DashboardIndicators.RdIntensity, DashboardIndicators.DigitalMaturity];
}
