namespace HiTech.Web.Features.Analytics;

/// <summary>GET /analytics: counts of assessed enterprises by tier, district and NIC division, small cells hidden.</summary>
[Authorize(Policy = Roles.Analyst)]
public sealed class IndexModel(GetAggregates aggregates) : FormPage
{
    public Aggregates Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Figures = await aggregates.ExecuteAsync(cancellationToken);
}
