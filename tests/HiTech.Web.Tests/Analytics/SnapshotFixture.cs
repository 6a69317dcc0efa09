using HiTech.Core.Analytics;
using HiTech.Web.Infrastructure.Analytics;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Analytics;

/// <summary>
/// The platform with an analytical snapshot made to order: the platform's own snapshot builds are switched off (so the
/// made snapshot stays), and the derived fixture's facts are written and published at start. The raw facts are kept,
/// so tests can compute every true figure and attack what is published.
/// </summary>
public abstract class SnapshotFixture : TestHost
{
    protected SnapshotFixture()
        : base(new WebAppFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["Analytics:BuildOnStart"] = "false",
                ["Analytics:DebounceSeconds"] = "86400",
            },
        })
    {
    }

    /// <summary>The enterprises of the snapshot, as written.</summary>
    public abstract IReadOnlyList<EnterpriseFacts> Facts { get; }

    /// <summary>The snapshot's "data as of" stamp.</summary>
    protected abstract DateTimeOffset SnapshotAsOf { get; }

    /// <summary>The assessment pipeline written beside <see cref="Facts"/>.</summary>
    protected abstract IEnumerable<PipelineFact> Pipeline();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (WebAppFactory.SkipReason is not null)
        {
            return;
        }

        var store = Factory.Services.GetRequiredService<AnalyticsStore>();
        var part = store.NewPartFile(SnapshotAsOf);
        SnapshotWriter.Write(part, SnapshotAsOf, [.. Facts], [.. Pipeline()]);
        store.Publish(part);
    }
}
