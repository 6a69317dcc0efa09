using HiTech.Core.Reference;
using HiTech.Web.Features.Analytics;

namespace HiTech.Web.Features.OpenData;

/// <summary>
/// The open data of one financial year (default the latest): the dashboard's own tables for the whole state (no
/// sector or size filter), read through <see cref="GetDashboard"/> so that every cell has passed the same disclosure
/// control, with the framework version in force and the snapshot's "data as of" time.
/// </summary>
public sealed class GetOpenData(GetDashboard dashboard, FrameworkStore frameworks, ReferenceData reference)
{
    public async Task<Outcome<OpenDataset>> ExecuteAsync(string? year, CancellationToken cancellationToken)
    {
        var active = await frameworks.ActiveAsync(cancellationToken);
        var outcome = await dashboard.ExecuteAsync(new DashboardFilter(Year: year), [.. active.Tiers.Select(t => t.Id)], cancellationToken);
        return outcome.Value is { } d
            ? Outcome.Ok(new OpenDataset(d.AsOf, d.Tables.Year, d.Years, active.Id, active.Version, d.Rules, PublishedTables.From(d.Tables, reference), d.Tables))
            : outcome.As<OpenDataset>();
    }
}
